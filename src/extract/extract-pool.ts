/**
 * Extraction on worker threads (`--jobs`): each worker reads (unless handed the text), parses and
 * extracts the files it is sent, and posts back the model, which is plain data. The main thread
 * analyses, runs the rules and reports, so on a large repository parsing overlaps everything else.
 * A worker that dies hands its files back to be extracted on the main thread; nothing is lost.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Catalog } from '../catalog/index.js';
import type { CatalogEntry } from '../catalog/types.js';
import { extractModel, type ExtractOutcome } from './extract-file.js';
import { readSource, type ReadFailure } from './read-source.js';

interface PoolSetup {
  role: 'extract-pool';
  extensions: CatalogEntry[];
  budgetMs: number;
}

/** What a worker made of a file: the outcome, and the notes its decoding left (odd encodings). */
export interface Extracted {
  outcome: ExtractOutcome | ReadFailure;
  notes: string[];
}

interface Request {
  id: number;
  /** As reports name it, relative to the audited folder. */
  path: string;
  /** Where to read it from. */
  file: string;
  /** The text, when the main thread has read it already (to key the cache). */
  text: string | null;
}

interface Job extends Request {
  /** Null when the worker was lost: the caller extracts on its own thread. */
  done: (extracted: Extracted | null) => void;
}

interface Reply {
  id: number;
  /** The Extracted value as JSON: for these plain objects, cheaper to send than a structured clone. */
  extracted: string;
}

/**
 * Jobs a worker holds at once. More than one, so that a worker never waits for the main thread
 * (busy analysing) to hand it the next file; few, so that memory stays bounded.
 */
const IN_FLIGHT_PER_WORKER = 4;

export class ExtractPool {
  private readonly workers: Worker[] = [];
  private readonly running = new Map<Worker, Map<number, Job>>();
  private readonly queue: Job[] = [];
  private nextId = 0;
  /** After a worker is lost, no more are started: whatever killed it would likely kill the next. */
  private broken = false;

  constructor(
    private readonly size: number,
    private readonly setup: { extensions: readonly CatalogEntry[]; budgetMs: number },
  ) {}

  /**
   * Reads (unless given the text), parses and extracts a file on a worker; null when that must
   * be done on the calling thread.
   */
  extract(path: string, file: string, text: string | null): Promise<Extracted | null> {
    if (this.broken) return Promise.resolve(null);
    return new Promise((done) => {
      this.queue.push({ id: this.nextId++, path, file, text, done });
      this.pump();
    });
  }

  /** Stops every worker; pending jobs come back as null. */
  async close(): Promise<void> {
    this.broken = true;
    for (const job of this.queue.splice(0)) job.done(null);
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private pump(): void {
    while (this.queue.length) {
      const worker = this.leastBusy();
      if (!worker) return;
      const job = this.queue.shift()!;
      const jobs = this.running.get(worker)!;
      // A busy worker keeps the process alive until it answers; an idle one never does.
      if (jobs.size === 0) worker.ref();
      jobs.set(job.id, job);
      worker.postMessage({ id: job.id, path: job.path, file: job.file, text: job.text } satisfies Request);
    }
  }

  /** An idle worker, a new one while under the size, or the least loaded one with room. */
  private leastBusy(): Worker | null {
    let best: Worker | null = null;
    for (const worker of this.workers) {
      const load = this.running.get(worker)!.size;
      if (load === 0) return worker;
      if (load < IN_FLIGHT_PER_WORKER && (!best || load < this.running.get(best)!.size)) best = worker;
    }
    return this.workers.length < this.size ? this.start() : best;
  }

  private start(): Worker {
    const data: PoolSetup = { role: 'extract-pool', extensions: [...this.setup.extensions], budgetMs: this.setup.budgetMs };
    const worker = new Worker(new URL(import.meta.url), { workerData: data });
    const jobs = new Map<number, Job>();
    this.workers.push(worker);
    this.running.set(worker, jobs);
    worker.on('message', (reply: Reply) => {
      const job = jobs.get(reply.id);
      jobs.delete(reply.id);
      if (jobs.size === 0) worker.unref();
      job?.done(JSON.parse(reply.extracted) as Extracted);
      this.pump();
    });
    const lost = (): void => {
      if (!this.workers.includes(worker)) return;
      this.workers.splice(this.workers.indexOf(worker), 1);
      for (const job of jobs.values()) job.done(null);
      jobs.clear();
      if (this.broken) return;
      this.broken = true;
      for (const queued of this.queue.splice(0)) queued.done(null);
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    return worker;
  }
}

if (!isMainThread && parentPort && (workerData as PoolSetup | undefined)?.role === 'extract-pool') {
  const setup = workerData as PoolSetup;
  const catalog = new Catalog(undefined, setup.extensions);
  const port = parentPort;
  port.on('message', (job: Request) => {
    port.postMessage({ id: job.id, extracted: JSON.stringify(extractFile(job)) } satisfies Reply);
  });

  // The steps ModelStore takes on the main thread, in the same order, with the same outcomes.
  const extractFile = (job: Request): Extracted => {
    const source = job.text !== null ? { ok: true as const, text: job.text, notes: [] } : readSource(job.file);
    if (!source.ok) return { outcome: source, notes: [] };
    return { outcome: extractModel(job.path, source.text, (s) => catalog.fakeLibrary(s), setup.budgetMs), notes: source.notes };
  };
}
