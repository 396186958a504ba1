/**
 * Each file's model, made once: read, parse, extract (with one retry on a larger stack for files
 * nested too deep), or the reason it could not be. Models are released as soon as the audit is done
 * with a file, so memory holds the support code tests share, not the whole suite; what the audit
 * still needs to know about a released file is kept as a few facts.
 */
import { join } from 'node:path';
import type { Catalog } from '../catalog/index.js';
import type { CatalogEntry } from '../catalog/types.js';
import type { TestFileModel } from '../model/test-model.js';
import { extractWithLargeStack } from './deep-worker.js';
import type { ExtractPool } from './extract-pool.js';
import { extractModel, type ExtractOutcome } from './extract-file.js';
import { decodeSource, MAX_SOURCE_BYTES, readBounded, readSource, type ReadFailure } from './read-source.js';
import type { AuditCache } from '../cache/audit-cache.js';

/** What is remembered of a released model. */
export interface ReleasedFacts {
  declaresTests: boolean;
  /** msw handlers (one site per host) are defined in it. */
  hasMswHandlers: boolean;
  /** What it re-exports from packages (`export * from 'msw'`). */
  reexports: TestFileModel['reexports'];
}

export interface StoreProblem {
  path: string;
  kind: string;
  message: string;
}

export interface ModelStoreOptions {
  root: string;
  /** Models of files whose content an earlier run already extracted (--cache). */
  cache?: AuditCache | null;
  catalog: Catalog;
  catalogExtensions: readonly CatalogEntry[];
  budgetMs: number;
  /** A note about a file that was still audited (odd encoding). */
  onNote: (path: string, note: string) => void;
  /** A file that could not be audited: unreadable, binary, syntax error, too complex, timed out. */
  onProblem: (problem: StoreProblem) => void;
  /** A bug: an exception while reading or extracting. */
  onInternalError: (path: string, stage: string, error: unknown) => void;
  /** Called once per file read, whatever the outcome. */
  onRead?: () => void;
  /** Worker threads that parse and extract (--jobs); without it, files are extracted on this thread. */
  pool?: ExtractPool | null;
}

/** A file's model, or why there is none, with what must be said about it when it is first used. */
interface Made {
  model: TestFileModel | null;
  notes: readonly string[];
  problem: StoreProblem | null;
  /** An exception while reading or extracting (a bug), as thrown. */
  internalError: { thrown: unknown } | null;
}

export class ModelStore {
  private readonly models = new Map<string, TestFileModel>();
  private readonly failed = new Set<string>();
  private readonly released = new Map<string, ReleasedFacts>();
  /** Files being made ahead of their turn (on worker threads); nothing about them is reported yet. */
  private readonly ahead = new Map<string, Promise<Made>>();

  constructor(private readonly options: ModelStoreOptions) {}

  /**
   * Starts making a file's model so that it is ready when asked for. Its notes and problems are
   * reported when it is first asked for, so the report reads the same as without workers.
   */
  prefetch(path: string): void {
    if (!this.options.pool || this.has(path) || this.ahead.has(path)) return;
    // Caught now: a rejection nobody awaits yet would end the process.
    this.ahead.set(path, this.make(path).catch((thrown: unknown) => ({ model: null, notes: [], problem: null, internalError: { thrown } })));
  }

  /** The file's model, made on first request; null when it cannot be audited (reported once). */
  async get(path: string): Promise<TestFileModel | null> {
    const known = this.models.get(path);
    if (known) return known;
    if (this.failed.has(path)) return null;
    if (this.released.has(path)) throw new Error(`model of ${path} requested after release`);
    const pending = this.ahead.get(path);
    const made = await (pending ?? this.make(path));
    this.ahead.delete(path);
    const { onNote, onProblem, onInternalError, onRead } = this.options;
    for (const note of made.notes) onNote(path, note);
    if (made.problem) onProblem(made.problem);
    if (made.internalError !== null) onInternalError(path, 'reading', made.internalError.thrown);
    onRead?.();
    if (made.model) this.models.set(path, made.model);
    else this.failed.add(path);
    return made.model;
  }

  /** True when the file was read, whether or not a model came of it. */
  has(path: string): boolean {
    return this.models.has(path) || this.failed.has(path) || this.released.has(path);
  }

  /** What is known of a file without making its model: null when it was never read or failed. */
  facts(path: string): ReleasedFacts | null {
    const model = this.models.get(path);
    if (model) return factsOf(model);
    return this.released.get(path) ?? null;
  }

  /** Drops a model the audit is done with, keeping its facts. */
  release(path: string): void {
    const model = this.models.get(path);
    if (!model) return;
    this.released.set(path, factsOf(model));
    this.models.delete(path);
  }

  private async make(path: string): Promise<Made> {
    const { root, catalog, budgetMs, cache, pool } = this.options;
    let outcome: ExtractOutcome | ReadFailure;
    let text: string | null = null;
    let cacheKey: string | null = null;
    let notes: string[] = [];
    try {
      // Without a cache (whose key needs the bytes here), a worker reads the file too.
      const extracted = pool && !cache ? await pool.extract(path, join(root, path), null) : null;
      if (extracted) ({ outcome, notes } = extracted);
      else {
        const read = readBounded(join(root, path), MAX_SOURCE_BYTES);
        const source = read.ok ? decodeSource(read.bytes) : read;
        if (!source.ok) outcome = source;
        else {
          if (cache && read.ok) {
            cacheKey = cache.modelKey(path, read.bytes, this.options.catalogExtensions);
            const cached = cache.readModel(cacheKey);
            if (cached) return { model: cached.model, notes: cached.notes, problem: null, internalError: null };
          }
          // Audited, but the user should know (e.g. a Latin-1 file whose strings may read oddly).
          notes = source.notes;
          text = source.text;
          outcome = (pool && (await pool.extract(path, join(root, path), text))?.outcome) || extractModel(path, text, (s) => catalog.fakeLibrary(s), budgetMs);
        }
      }
      // Nesting deeper than the thread's stack: one retry in a worker with a much larger stack.
      if (!outcome.ok && outcome.kind === 'too-complex') {
        text ??= this.reread(path);
        if (text !== null) outcome = await extractWithLargeStack({ path, text, extensions: [...this.options.catalogExtensions], budgetMs });
      }
    } catch (error) {
      return { model: null, notes, problem: null, internalError: { thrown: error } };
    }
    if (outcome.ok) {
      // Stored before the audit adjusts the model (package framework, automock sites): as extracted.
      if (cache && cacheKey) cache.writeModel(cacheKey, { model: outcome.model, notes });
      return { model: outcome.model, notes, problem: null, internalError: null };
    }
    return { model: null, notes, problem: { path, kind: outcome.kind, message: outcome.message }, internalError: null };
  }

  /** The text of a file a worker read (for the rare retry on a larger stack). */
  private reread(path: string): string | null {
    const source = readSource(join(this.options.root, path));
    return source.ok ? source.text : null;
  }
}

function factsOf(model: TestFileModel): ReleasedFacts {
  return {
    declaresTests: model.tests.length > 0,
    hasMswHandlers: model.mocks.some((m) => m.mechanism.startsWith('msw ') && m.mechanism !== 'msw setupServer' && !m.reexport),
    reexports: model.reexports,
  };
}
