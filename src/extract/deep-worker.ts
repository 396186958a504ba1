/**
 * Retry for files nested deeper than the main thread's stack allows (hundreds of nested describe
 * blocks, generated code): the same extraction, in a worker thread given a much larger stack.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Catalog } from '../catalog/index.js';
import type { CatalogEntry } from '../catalog/types.js';
import { extractModel, timeoutMessage, type ExtractOutcome } from './extract-file.js';

interface DeepJob {
  path: string;
  text: string;
  extensions: CatalogEntry[];
  budgetMs: number;
}

const STACK_MB = 256;
/** Past its budget the worker is stopped from outside, whatever it is doing (the walk checks only between nodes). */
const KILL_GRACE_MS = 2_000;

export function extractWithLargeStack(job: DeepJob): Promise<ExtractOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: job, resourceLimits: { stackSizeMb: STACK_MB } });
    let settled = false;
    const timer = Number.isFinite(job.budgetMs)
      ? setTimeout(() => finish({ ok: false, kind: 'timeout', message: timeoutMessage(job.budgetMs) }), job.budgetMs + KILL_GRACE_MS)
      : null;
    const finish = (outcome: ExtractOutcome): void => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      resolve(outcome);
      void worker.terminate();
    };
    worker.once('message', (outcome: ExtractOutcome) => finish(outcome));
    // Not the error's own message: it can name files of test-audit's installation, which no report shows.
    worker.once('error', (error) => {
      const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish({ ok: false, kind: 'too-complex', message: outOfMemory ? 'too large to analyse (out of memory)' : 'nesting too deep to analyse' });
    });
    worker.once('exit', () => finish({ ok: false, kind: 'too-complex', message: 'nesting too deep to analyse' }));
  });
}

if (!isMainThread && parentPort && (workerData as DeepJob | undefined)?.path) {
  const job = workerData as DeepJob;
  const catalog = new Catalog(undefined, job.extensions);
  parentPort.postMessage(extractModel(job.path, job.text, (s) => catalog.fakeLibrary(s), job.budgetMs));
}
