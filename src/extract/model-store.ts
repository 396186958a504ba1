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
import { extractModel, type ExtractOutcome } from './extract-file.js';
import { decodeSource, MAX_SOURCE_BYTES, readBounded } from './read-source.js';
import type { AuditCache } from '../cache/audit-cache.js';

/** What is remembered of a released model. */
export interface ReleasedFacts {
  declaresTests: boolean;
  /** msw handlers (one site per host) are defined in it. */
  hasMswHandlers: boolean;
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
}

export class ModelStore {
  private readonly models = new Map<string, TestFileModel>();
  private readonly failed = new Set<string>();
  private readonly released = new Map<string, ReleasedFacts>();

  constructor(private readonly options: ModelStoreOptions) {}

  /** The file's model, made on first request; null when it cannot be audited (reported once). */
  async get(path: string): Promise<TestFileModel | null> {
    const known = this.models.get(path);
    if (known) return known;
    if (this.failed.has(path)) return null;
    if (this.released.has(path)) throw new Error(`model of ${path} requested after release`);
    const model = await this.make(path);
    this.options.onRead?.();
    if (model) this.models.set(path, model);
    else this.failed.add(path);
    return model;
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

  private async make(path: string): Promise<TestFileModel | null> {
    const { root, catalog, budgetMs, cache } = this.options;
    let outcome: ExtractOutcome | { ok: false; kind: string; message: string };
    let text: string | null = null;
    let cacheKey: string | null = null;
    let notes: string[] = [];
    try {
      const read = readBounded(join(root, path), MAX_SOURCE_BYTES);
      const source = read.ok ? decodeSource(read.bytes) : read;
      if (!source.ok) outcome = { ok: false, kind: source.kind, message: source.message };
      else {
        if (cache && read.ok) {
          cacheKey = cache.modelKey(path, read.bytes, this.options.catalogExtensions);
          const cached = cache.readModel(cacheKey);
          if (cached) {
            for (const note of cached.notes) this.options.onNote(path, note);
            return cached.model;
          }
        }
        // Audited, but the user should know (e.g. a Latin-1 file whose strings may read oddly).
        notes = source.notes;
        for (const note of notes) this.options.onNote(path, note);
        text = source.text;
        outcome = extractModel(path, text, (s) => catalog.fakeLibrary(s), budgetMs);
      }
    } catch (error) {
      this.options.onInternalError(path, 'reading', error);
      return null;
    }
    // Nesting deeper than this thread's stack: one retry in a worker with a much larger stack.
    if (!outcome.ok && outcome.kind === 'too-complex' && text !== null) {
      outcome = await extractWithLargeStack({ path, text, extensions: [...this.options.catalogExtensions], budgetMs });
    }
    if (outcome.ok) {
      // Stored before the audit adjusts the model (package framework, automock sites): as extracted.
      if (cache && cacheKey) cache.writeModel(cacheKey, { model: outcome.model, notes });
      return outcome.model;
    }
    this.options.onProblem({ path, kind: outcome.kind, message: outcome.message });
    return null;
  }
}

function factsOf(model: TestFileModel): ReleasedFacts {
  return {
    declaresTests: model.tests.length > 0,
    hasMswHandlers: model.mocks.some((m) => m.mechanism.startsWith('msw ') && m.mechanism !== 'msw setupServer'),
  };
}
