/**
 * A report written as a stream: the JSON comes out in chunks, from temporary files (a fresh audit)
 * or from the run cache (an unchanged repository), never as one string in memory.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { CachedRun } from '../cache/audit-cache.js';
import type { AuditResult } from '../model/finding.js';
import type { ReportSource, ReportTail } from './report-source.js';
import { sourceOf } from './report-source.js';

export interface StreamedReport extends ReportSource {
  /** The JSON report, chunk by chunk. */
  chunks(): Iterable<string>;
  /** True when nothing fails the run. */
  passed(): boolean;
  /** Removes temporary files; call when every output is written. */
  dispose(): void;
}

/** The report of an unchanged repository, read back from the run cache. */
export class CachedReport implements StreamedReport {
  private parsed: ReportSource | null = null;

  constructor(private readonly run: CachedRun) {}

  *chunks(): Iterable<string> {
    const fd = openSync(this.run.reportPath, 'r');
    try {
      const block = Buffer.alloc(1 << 20);
      // A block can end inside a character: the decoder keeps the partial bytes for the next one.
      const decoder = new StringDecoder('utf8');
      for (;;) {
        const read = readSync(fd, block, 0, block.length, null);
        if (read === 0) break;
        yield decoder.write(block.subarray(0, read));
      }
      const rest = decoder.end();
      if (rest) yield rest;
    } finally {
      closeSync(fd);
    }
  }

  passed(): boolean {
    return this.run.passed;
  }

  get tool(): ReportSource['tool'] {
    return this.source().tool;
  }

  get root(): string {
    return this.source().root;
  }

  get summary(): ReportSource['summary'] {
    return this.source().summary;
  }

  files(): ReturnType<ReportSource['files']> {
    return this.source().files();
  }

  findings(): ReturnType<ReportSource['findings']> {
    return this.source().findings();
  }

  tests(): ReturnType<ReportSource['tests']> {
    return this.source().tests();
  }

  tail(): ReportTail {
    return this.source().tail();
  }

  dispose(): void {
    // The cache keeps its file.
  }

  /** The whole report parsed: only for readers other than the JSON writer. */
  private source(): ReportSource {
    this.parsed ??= sourceOf(JSON.parse(readFileSync(this.run.reportPath, 'utf8')) as AuditResult);
    return this.parsed;
  }
}
