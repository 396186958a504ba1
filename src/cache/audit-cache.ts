/**
 * `--cache`: what a re-run can reuse, on disk (by default node_modules/.cache/test-audit).
 *
 * Two layers, both keyed by content, the tool's version and the configuration, so a cached answer
 * is always the answer the audit would give:
 * - a run: the hash of every listed file's content plus the options → the finished JSON report.
 *   An unchanged repository is answered from it without parsing anything.
 * - a model: one file's content (and path) → its extracted model. A changed repository re-parses
 *   only the files that changed.
 * The cache never decides anything: any failure to read or write it means working as without it.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AuditResult } from '../model/finding.js';
import type { TestFileModel } from '../model/test-model.js';
import { toolVersion } from '../version.js';

/** Bumped when cached values change (their layout, or what extraction makes of a file) without a version change. */
const FORMAT = 28;

export interface CachedModel {
  model: TestFileModel;
  /** Notes made while reading the file (odd encodings), replayed on a hit. */
  notes: string[];
}

export interface CachedRun {
  /** The JSON report, exactly as written. */
  reportPath: string;
  passed: boolean;
}

/** One listed file, as a run's key sees it. */
export interface RunInput {
  path: string;
  size: number;
  bytes: Uint8Array | null;
  error: string | null;
}

export function defaultCacheLocation(root: string): string {
  return join(root, 'node_modules', '.cache', 'test-audit');
}

export class AuditCache {
  /** Model keys read or written in this run, for pruning what no file uses any more. */
  private readonly usedModels = new Set<string>();
  private readonly salt: string;

  /** `settings` is everything besides file contents that decides results (configuration, options). */
  constructor(
    readonly dir: string,
    settings: unknown,
  ) {
    this.salt = `${FORMAT}\u0000${toolVersion()}\u0000${JSON.stringify(settings)}`;
  }

  // ---- models -------------------------------------------------------------------------------

  modelKey(path: string, bytes: Uint8Array, extraction: unknown): string {
    return hash([this.salt, JSON.stringify(extraction), path], bytes);
  }

  readModel(key: string): CachedModel | null {
    this.usedModels.add(key);
    try {
      return JSON.parse(readFileSync(this.modelPath(key), 'utf8')) as CachedModel;
    } catch {
      return null;
    }
  }

  writeModel(key: string, value: CachedModel): void {
    this.usedModels.add(key);
    writeAtomically(this.modelPath(key), JSON.stringify(value));
  }

  /** After a full run: model files no listed file uses any more are deleted. */
  pruneModels(): void {
    const root = join(this.dir, 'models');
    try {
      for (const shard of readdirSync(root)) {
        for (const name of readdirSync(join(root, shard))) {
          const key = name.replace(/\.json$/, '');
          if (!this.usedModels.has(key)) unlinkSync(join(root, shard, name));
        }
      }
    } catch {
      // Nothing to prune, or no permission: the cache only grows.
    }
  }

  private modelPath(key: string): string {
    return join(this.dir, 'models', key.slice(0, 2), `${key}.json`);
  }

  // ---- runs ---------------------------------------------------------------------------------

  /** The key of a run: the options and what every listed file holds (hashed as they are read). */
  runKey(inputs: Iterable<RunInput>): string {
    const digest = createHash('sha256').update(this.salt);
    for (const input of inputs) {
      digest.update(`\u0000${input.path}\u0000${input.size}\u0000${input.error ?? ''}\u0000`);
      if (input.bytes) digest.update(createHash('sha256').update(input.bytes).digest());
    }
    return digest.digest('hex');
  }

  readRun(key: string | null): CachedRun | null {
    if (key === null) return null;
    try {
      const meta = JSON.parse(readFileSync(join(this.dir, 'run.json'), 'utf8')) as { key: string; passed: boolean; bytes: number };
      const reportPath = join(this.dir, 'run-report.json');
      // A report of another size is not the one recorded (overwritten by a concurrent run, edited).
      if (meta.key !== key || statSync(reportPath).size !== meta.bytes) return null;
      return { reportPath, passed: meta.passed };
    } catch {
      return null;
    }
  }

  /** The cached report of a run held in memory, or null. */
  readRunResult(key: string | null): AuditResult | null {
    const run = this.readRun(key);
    if (!run) return null;
    try {
      return JSON.parse(readFileSync(run.reportPath, 'utf8')) as AuditResult;
    } catch {
      return null;
    }
  }

  /** Records a run's report as it is written; commit() makes it the cached answer for the key. */
  runWriter(key: string): RunWriter {
    return new RunWriter(this.dir, key);
  }
}

export class RunWriter {
  private fd: number | null = null;
  private bytes = 0;
  private readonly partial: string;

  constructor(
    private readonly dir: string,
    private readonly key: string,
  ) {
    this.partial = join(dir, `run-report.${process.pid}.tmp`);
    try {
      mkdirSync(dir, { recursive: true });
      this.fd = openSync(this.partial, 'w');
    } catch {
      this.fd = null;
    }
  }

  write(chunk: string): void {
    if (this.fd === null) return;
    try {
      this.bytes += writeSync(this.fd, chunk);
    } catch {
      this.abort();
    }
  }

  commit(passed: boolean): void {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
      this.fd = null;
      renameSync(this.partial, join(this.dir, 'run-report.json'));
      writeAtomically(join(this.dir, 'run.json'), JSON.stringify({ key: this.key, passed, bytes: this.bytes }));
    } catch {
      this.abort();
    }
  }

  abort(): void {
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
      this.fd = null;
    }
    rmSync(this.partial, { force: true });
  }
}

function hash(parts: readonly string[], bytes: Uint8Array): string {
  const digest = createHash('sha256');
  for (const part of parts) digest.update(`${part}\u0000`);
  return digest.update(bytes).digest('hex');
}

/** Written beside, then renamed: a parallel run never reads half a file. */
function writeAtomically(path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const partial = `${path}.${process.pid}.tmp`;
    writeFileSync(partial, text);
    renameSync(partial, path);
  } catch {
    // A read-only or full disk costs the next run its speed, never this run its result.
  }
}
