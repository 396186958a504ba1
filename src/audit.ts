/**
 * The library entry point: audit(options) runs the pipeline — discover, parse each file once,
 * analyse, run rules, assemble the result. It reads files and nothing else: no audited code runs.
 * With a cache, an unchanged repository is answered before the parser is even loaded.
 */
import { access, constants, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { AuditCache, defaultCacheLocation, type RunInput } from './cache/audit-cache.js';
import type { CatalogEntry } from './catalog/types.js';
import { changedFilesSince } from './discover/changed-files.js';
import { DEFAULT_EXCLUDED, listFiles, type FileListing } from './discover/find-files.js';
import type { PackageSettings } from './discover/package-settings.js';
import type { Baseline } from './engine/baseline.js';
import { ResultCollector } from './engine/collector.js';
import { assembleResult } from './engine/result.js';
import type { SeverityOverrides } from './engine/severity.js';
import { SpillCollector } from './engine/spill.js';
import { CachedReport, type StreamedReport } from './engine/streamed-report.js';
import { UsageError } from './errors.js';
import { MAX_SOURCE_BYTES, readBounded } from './extract/read-source.js';
import type { AuditResult, ShardInfo } from './model/finding.js';
import type { FailLevel } from './model/severity.js';
import type { RuleDefinition } from './model/rule.js';
import type { Tier } from './model/test-model.js';
import { formatJson } from './report/json.js';

export interface AuditOptions {
  /** Folder to audit. */
  root: string;
  /** Rules to run (default: all built-in rules). */
  rules?: readonly RuleDefinition[];
  /** The user's own catalog entries, consulted before the built-in catalog. */
  catalogExtensions?: readonly CatalogEntry[];
  /** Glob patterns excluded from discovery, replacing the default (fixture folders). */
  exclude?: readonly string[];
  /** Globs (relative to the root) of the test files to audit; default: every file named or placed like a test. */
  include?: readonly string[];
  /** Globs that give test files their tier, overriding the naming heuristics (e2e, then integration, then unit). */
  tiers?: Readonly<Partial<Record<Tier, readonly string[]>>>;
  /** Per-rule severity: a severity or 'off' for every tier, or per tier. */
  severity?: SeverityOverrides;
  /** Per-package settings, keyed by folder relative to the root ('.' for the root) or package name. */
  packages?: Readonly<Record<string, PackageSettings>>;
  /** Where tier globs and package settings came from, as reports name it (default 'configuration'). */
  configLabel?: string;
  /** Lowest severity that fails the run (the result's verdict); default 'error'. */
  failOn?: FailLevel;
  /** Findings recorded earlier: matching findings are 'existing' and never fail the run. */
  baseline?: Baseline;
  /** Audit only test files changed since this git ref, and tests whose support code changed. */
  changedSince?: string;
  /** Audit a deterministic part of the test files (merge the shards' JSON reports with `test-audit merge`). */
  shard?: ShardInfo;
  /**
   * How long one file may take to analyse, in milliseconds, before it is listed in errors[] as a
   * timeout and the run goes on (default 10,000; Infinity for no limit).
   */
  fileBudgetMs?: number;
  /**
   * Reuse what an earlier run on the same content, version and settings found (and record it):
   * models of unchanged files, the whole report of an unchanged repository.
   */
  cache?: { location?: string };
  /**
   * Worker threads that parse and extract files while the main thread analyses: a number (0: none,
   * everything on this thread) or 'auto' (the default: workers only on repositories large enough
   * to repay them). The report is the same whatever the number.
   */
  jobs?: number | 'auto';
  /** Called after each file is read and analysed (for progress displays). */
  onProgress?: (done: number, total: number) => void;
}

export async function audit(options: AuditOptions): Promise<AuditResult> {
  const prepared = await prepare(options);
  const hit = prepared.cache?.readRunResult(prepared.runKey);
  if (hit) return hit;
  const collector = new ResultCollector();
  const { scan } = await import('./scan.js');
  const scanned = await scan(options, prepared, collector);
  const covered = new Set(collector.files.map((f) => f.path));
  const result = assembleResult({
    ...scanned.meta,
    files: collector.files,
    findings: collector.findings,
    tests: collector.tests,
    boundaries: collector.boundaries(),
    ...(options.baseline ? { baseline: { baseline: options.baseline, inScope: (p: string) => !scanned.partial || covered.has(p) } } : {}),
  });
  if (prepared.cache && prepared.runKey) {
    const writer = prepared.cache.runWriter(prepared.runKey);
    writer.write(formatJson(result));
    writer.commit(result.verdict.passed);
  }
  if (!scanned.partial) prepared.cache?.pruneModels();
  return result;
}

/**
 * The same audit with its report moved to temporary files once it grows large, for repositories
 * too large to hold one in memory. The caller writes its outputs from it, then calls dispose().
 * heldEntries: list entries held in memory before the report moves to disk (HELD_ENTRIES).
 */
export async function auditSpilled(options: AuditOptions, heldEntries?: number): Promise<StreamedReport> {
  const prepared = await prepare(options);
  const hit = prepared.cache?.readRun(prepared.runKey);
  if (hit) return new CachedReport(hit);
  const spill = new SpillCollector(heldEntries);
  try {
    const { scan } = await import('./scan.js');
    const scanned = await scan(options, prepared, spill);
    if (!scanned.partial) prepared.cache?.pruneModels();
    return spill.finish(
      {
        ...scanned.meta,
        ...(options.baseline ? { baseline: { baseline: options.baseline, inScope: (p: string) => !scanned.partial || spill.covered.has(p) } } : {}),
      },
      prepared.cache && prepared.runKey ? prepared.cache.runWriter(prepared.runKey) : null,
    );
  } catch (error) {
    spill.dispose();
    throw error;
  }
}

export interface Prepared {
  root: string;
  changed: Set<string> | null;
  listing: FileListing;
  cache: AuditCache | null;
  /** Null when this run's answer cannot be cached (custom rules, --changed-since). */
  runKey: string | null;
}

/** The folder, the listing and, with a cache, the key of this run's inputs. */
async function prepare(options: AuditOptions): Promise<Prepared> {
  const root = await checkedRoot(options.root);
  // Asked first: outside a git repository there is nothing to do, and the answer is one clear line.
  const changed = options.changedSince !== undefined ? await changedFilesSince(root, options.changedSince) : null;
  const listing = await listFiles(root, options.exclude ?? DEFAULT_EXCLUDED);
  if (!options.cache) return { root, changed, listing, cache: null, runKey: null };
  const cache = new AuditCache(options.cache.location ?? defaultCacheLocation(root), cacheSettings(options));
  // What git says changed is not in the files: such runs reuse models, never a whole answer.
  const runKey = changed === null && options.rules === undefined ? cache.runKey(readInputs(root, listing)) : null;
  return { root, changed, listing, cache, runKey };
}

/** Everything besides file contents that decides a run's report, as data. */
function cacheSettings(options: AuditOptions): unknown {
  const { root: _root, onProgress: _progress, cache: _cache, rules: _rules, jobs: _jobs, ...settings } = options;
  return { ...settings, root: basename(resolve(options.root)) };
}

/** Every listed file's bytes (up to the size the audit reads) or why it cannot be read, one at a time. */
function* readInputs(root: string, listing: FileListing): Generator<RunInput> {
  for (const path of listing.files) {
    const read = readBounded(join(root, path), MAX_SOURCE_BYTES);
    yield read.ok ? { path, size: read.bytes.length, bytes: read.bytes, error: null } : { path, size: -1, bytes: null, error: `${read.kind}: ${read.message}` };
  }
  for (const skipped of listing.skipped) yield { path: skipped.path, size: -1, bytes: null, error: `${skipped.kind}: ${skipped.message}` };
}

/** The audited folder, absolute; a usage error when it is missing or not a folder. */
export async function checkedRoot(input: string): Promise<string> {
  const root = resolve(input);
  let info;
  try {
    info = await stat(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `path does not exist: ${input}` : `cannot read path: ${input} (${code ?? 'unknown error'})`);
  }
  if (!info.isDirectory()) throw new UsageError(`not a folder: ${input} (give the repository's folder)`);
  try {
    await access(root, constants.R_OK | constants.X_OK);
  } catch {
    // Otherwise the listing comes back empty and an unreadable repository would pass as clean.
    throw new UsageError(`cannot read folder: ${input} (permission denied)`);
  }
  return root;
}
