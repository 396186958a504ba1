/**
 * A report that may be too big to hold: files, findings and tests as the audit hands them over.
 * The first entries stay in memory; past a fixed number, every list goes to temporary files, so
 * memory stays flat however large the repository, and a small one never touches the disk (the
 * round trip through disk was 3-7% of an audit of 2,000 files, in alternated runs). Test files
 * arrive in path order; what arrives out of order (support files, judged at the end, and package
 * findings) is small and stays in memory, merged in when the lists are read back.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalyzedFile } from '../model/analysis.js';
import type { BoundaryCount, FileError, FileReport, Finding, TestReport } from '../model/finding.js';
import { toolVersion } from '../version.js';
import { BaselineMarker } from './baseline.js';
import { fileFacts, type ReportCollector } from './collector.js';
import { boundaryCounts, sortTests, sumBoundaries, testReports } from './exercise-report.js';
import type { ReportTail } from './report-source.js';
import type { StreamedReport } from './streamed-report.js';
import type { RunWriter } from '../cache/audit-cache.js';
import { jsonChunks } from '../report/json.js';
import { dedupeErrors, fileReport, isFailing, type ResultInput } from './result.js';
import { compareFindings, compareStrings, sortFindings } from './run-rules.js';
import { SummaryCounter } from './summary.js';

/** What a run knows besides its lists: the result's input without files, findings, tests and counts. */
export type SpillMeta = Omit<ResultInput, 'files' | 'findings' | 'tests' | 'boundaries'>;

/**
 * How many entries (files, findings and tests together) a report holds before it moves them all to
 * disk: about 10 MB of heap, a repository of roughly 2,000 test files.
 */
export const HELD_ENTRIES = 32_768;

/** Spill folders still on disk: removed on exit too, should a run end before it disposes of them. */
const liveFolders = new Set<string>();
let exitHook = false;

function spillFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'test-audit-report-'));
  liveFolders.add(dir);
  if (!exitHook) {
    exitHook = true;
    process.once('exit', () => {
      for (const folder of liveFolders) rmSync(folder, { recursive: true, force: true });
    });
  }
  return dir;
}

function removeFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  liveFolders.delete(dir);
}

export class SpillCollector implements ReportCollector {
  /** The temporary folder, made when the lists first move to disk. */
  private dir: string | null = null;
  private readonly files = new SpillList<FileReport>('files.ndjson');
  private readonly findings = new SpillList<Finding>('findings.ndjson');
  private readonly tests = new SpillList<TestReport>('tests.ndjson');
  private lastPath: string | null = null;
  private readonly lateFiles: { file: AnalyzedFile; findings: Finding[] }[] = [];
  private readonly lateFindings: Finding[] = [];
  private readonly boundaryTotals = new Map<string, BoundaryCount>();
  private readonly counter = new SummaryCounter();
  /** Paths of analysed files, for the baseline's "fixed" count on partial runs. */
  readonly covered = new Set<string>();

  /** @param heldEntries entries held in memory before all lists move to disk (0: straight to disk). */
  constructor(private readonly heldEntries = HELD_ENTRIES) {}

  addFile(file: AnalyzedFile, findings: readonly Finding[]): void {
    this.covered.add(file.path);
    const facts = fileFacts(file);
    this.counter.addFile(facts);
    for (const finding of findings) this.counter.addFinding(finding);
    const tests = testReports([file]);
    for (const test of tests) this.counter.addTest(test);
    for (const count of boundaryCounts([file])) addCount(this.boundaryTotals, count);
    if (this.lastPath !== null && compareStrings(file.path, this.lastPath) <= 0) {
      this.lateFiles.push({ file, findings: [...findings] });
      return;
    }
    this.lastPath = file.path;
    if (this.dir === null && this.files.held + this.findings.held + this.tests.held + 1 + findings.length + tests.length > this.heldEntries) {
      this.dir = spillFolder();
      for (const list of [this.files, this.findings, this.tests]) list.moveToDisk(this.dir);
    }
    this.files.add(fileReport(facts, findings));
    for (const finding of findings) this.findings.add(finding);
    for (const test of tests) this.tests.add(test);
  }

  addFindings(findings: readonly Finding[]): void {
    for (const finding of findings) {
      this.counter.addFinding(finding);
      this.lateFindings.push(finding);
    }
  }

  /**
   * The report, read back from disk. Call dispose() when every output is written. With a run
   * writer, the first complete JSON output is also recorded in the run cache.
   */
  finish(meta: SpillMeta, cache: RunWriter | null = null): SpilledReport {
    this.files.close();
    this.findings.close();
    this.tests.close();
    const errors = dedupeErrors(meta.errors);
    const boundaries = sumBoundaries([[...this.boundaryTotals.values()]]);
    const lists = { dir: this.dir, files: this.files, findings: this.findings, tests: this.tests };
    return new SpilledReport(lists, meta, this.counter.result(errors.length, boundaries), errors, this.lateFiles, this.lateFindings, cache);
  }

  dispose(): void {
    this.files.close();
    this.findings.close();
    this.tests.close();
    if (this.dir !== null) removeFolder(this.dir);
  }
}

/** The lists a collector hands its report, and the folder (if any) they were moved to. */
interface Lists {
  dir: string | null;
  files: SpillList<FileReport>;
  findings: SpillList<Finding>;
  tests: SpillList<TestReport>;
}

export class SpilledReport implements StreamedReport {
  readonly tool = { name: 'test-audit' as const, version: toolVersion() };
  readonly root: string;
  private readonly lateReports: FileReport[];
  private readonly lateFindings: Finding[];
  private readonly lateTests: TestReport[];
  /** Late findings by path, for the counts of files whose own findings were spilled earlier. */
  private readonly lateByPath = new Map<string, Finding[]>();
  private lastTail: ReportTail | null = null;

  constructor(
    private readonly lists: Lists,
    private readonly meta: SpillMeta,
    readonly summary: StreamedReport['summary'],
    private readonly errors: FileError[],
    late: readonly { file: AnalyzedFile; findings: Finding[] }[],
    packageFindings: readonly Finding[],
    private cache: RunWriter | null,
  ) {
    this.root = meta.root;
    this.lateFindings = sortFindings([...late.flatMap((l) => l.findings), ...packageFindings]);
    for (const finding of packageFindings) this.lateByPath.set(finding.path, [...(this.lateByPath.get(finding.path) ?? []), finding]);
    this.lateReports = late
      .map((l) => fileReport(fileFacts(l.file), [...l.findings, ...(this.lateByPath.get(l.file.path) ?? [])]))
      .sort((a, b) => compareStrings(a.path, b.path));
    for (const l of late) this.lateByPath.delete(l.file.path);
    this.lateTests = sortTests(late.flatMap((l) => testReports([l.file])));
  }

  *files(): Iterable<FileReport> {
    const spilled = this.lists.files.read((report) => {
      const extra = this.lateByPath.get(report.path);
      return extra ? withExtraFindings(report, extra) : report;
    });
    yield* merge(spilled, this.lateReports, (a, b) => compareStrings(a.path, b.path));
  }

  *findings(): Iterable<Finding> {
    // Baseline states and the failing count follow the report order, as in a result held in memory.
    const marker = this.meta.baseline ? new BaselineMarker(this.meta.baseline.baseline) : null;
    let failing = 0;
    for (const finding of merge(this.lists.findings.read(), this.lateFindings, compareFindings)) {
      marker?.mark(finding);
      if (isFailing(finding, this.meta.failOn)) failing++;
      yield finding;
    }
    this.lastTail = {
      errors: this.errors,
      warnings: [...new Set(this.meta.warnings)].sort(compareStrings),
      verdict: { failOn: this.meta.failOn, failing, passed: failing === 0 },
      rules: this.meta.rules,
      ...(marker ? { baseline: marker.summary(this.meta.baseline!.inScope) } : {}),
      ...(this.meta.changedSince !== undefined ? { changedSince: this.meta.changedSince } : {}),
      ...(this.meta.shard ? { shard: this.meta.shard } : {}),
    };
  }

  *tests(): Iterable<TestReport> {
    yield* merge(this.lists.tests.read(), this.lateTests, (a, b) => compareStrings(a.path, b.path) || a.line - b.line || compareStrings(a.name, b.name));
  }

  *chunks(): Iterable<string> {
    const cache = this.cache;
    this.cache = null;
    let complete = false;
    try {
      for (const chunk of jsonChunks(this)) {
        cache?.write(chunk);
        yield chunk;
      }
      complete = true;
    } finally {
      if (cache && complete) cache.commit(this.passed());
      else cache?.abort();
    }
  }

  passed(): boolean {
    return this.tail().verdict.passed;
  }

  /** Errors, verdict and the rest: the verdict is counted while the findings are read. */
  tail(): ReportTail {
    if (!this.lastTail) for (const _ of this.findings()) void _;
    return this.lastTail!;
  }

  dispose(): void {
    this.cache?.abort();
    if (this.lists.dir !== null) removeFolder(this.lists.dir);
  }
}

function addCount(totals: Map<string, BoundaryCount>, count: BoundaryCount): void {
  const total = totals.get(count.system);
  if (total) {
    total.real += count.real;
    total.faked += count.faked;
  } else totals.set(count.system, { ...count });
}

function withExtraFindings(report: FileReport, extra: readonly Finding[]): FileReport {
  const counted = extra.filter((f) => !f.suppressed);
  const severities = { ...report.severities };
  for (const f of counted) severities[f.severity]++;
  return { ...report, findings: report.findings + counted.length, severities, suppressed: report.suppressed + extra.length - counted.length };
}

/** Two sorted sequences as one. */
function* merge<T>(a: Iterable<T>, b: readonly T[], compare: (x: T, y: T) => number): Generator<T> {
  let j = 0;
  for (const item of a) {
    while (j < b.length && compare(b[j]!, item) < 0) yield b[j++]!;
    yield item;
  }
  while (j < b.length) yield b[j++]!;
}

/**
 * One list of the report: held in memory until moved to disk, then one JSON value per line,
 * written through a buffer. Read back as often as outputs need it, in the order it was added.
 */
class SpillList<T> {
  private values: T[] | null = [];
  private path: string | null = null;
  private fd: number | null = null;
  private buffer: string[] = [];
  private size = 0;

  constructor(private readonly name: string) {}

  /** Entries held in memory. */
  get held(): number {
    return this.values?.length ?? 0;
  }

  add(value: T): void {
    if (this.values) this.values.push(value);
    else this.write(value);
  }

  /** Writes what is held to a file in dir; every later entry goes straight there. */
  moveToDisk(dir: string): void {
    if (!this.values) return;
    this.path = join(dir, this.name);
    this.fd = openSync(this.path, 'w', 0o600);
    const values = this.values;
    this.values = null;
    for (const value of values) this.write(value);
  }

  close(): void {
    if (this.fd === null) return;
    this.flush();
    closeSync(this.fd);
    this.fd = null;
  }

  *read(map: (value: T) => T = (value) => value): Generator<T> {
    if (this.values) for (const value of this.values) yield map(value);
    else yield* mapLines<T>(this.path!, map);
  }

  private write(value: T): void {
    const line = `${JSON.stringify(value)}\n`;
    this.buffer.push(line);
    this.size += line.length;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.fd === null || this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }
}

/** Reads a file of JSON lines in blocks, parsing one line at a time. */
function* mapLines<T>(path: string, map: (value: T) => T): Generator<T> {
  const fd = openSync(path, 'r');
  try {
    const block = Buffer.alloc(1 << 20);
    // Bytes after the last newline: a line (and a character) can straddle two blocks.
    let carry: Buffer = Buffer.alloc(0);
    for (;;) {
      const read = readSync(fd, block, 0, block.length, null);
      if (read === 0) break;
      const lastNewline = block.lastIndexOf(10, read - 1);
      if (lastNewline < 0) {
        carry = Buffer.concat([carry, block.subarray(0, read)]);
        continue;
      }
      const text = Buffer.concat([carry, block.subarray(0, lastNewline)]).toString('utf8');
      carry = Buffer.from(block.subarray(lastNewline + 1, read));
      for (const line of text.split('\n')) if (line) yield map(JSON.parse(line) as T);
    }
    const rest = carry.toString('utf8');
    for (const line of rest.split('\n')) if (line) yield map(JSON.parse(line) as T);
  } finally {
    closeSync(fd);
  }
}
