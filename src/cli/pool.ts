// Runs work over many files in worker threads and hands results back in input order, so a
// report reads the same whatever finished first. Results wait only until their turn, and
// dispatch stops while too many are waiting, so memory stays bounded by the pool, not the corpus.
import { Worker } from 'node:worker_threads';
import os from 'node:os';

export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/**
 * Calls `work(item)` for every item with at most `jobs` running at once and `emit(result, i)`
 * in input order. `work` runs in this thread; use `WorkerPool` to run it in workers.
 */
export async function mapOrdered<T, R>(
  items: T[],
  jobs: number,
  work: (item: T, index: number) => Promise<R>,
  emit: (result: R, index: number) => void | Promise<void>,
): Promise<void> {
  const done = new Map<number, R>();
  let nextToEmit = 0;
  let nextToStart = 0;
  const window = Math.max(1, jobs) * 4;
  let wake: (() => void) | null = null;

  const flush = async () => {
    while (done.has(nextToEmit)) {
      const r = done.get(nextToEmit)!;
      done.delete(nextToEmit); // released as soon as it is written
      await emit(r, nextToEmit);
      nextToEmit++;
    }
    wake?.();
  };

  const runner = async () => {
    while (nextToStart < items.length) {
      while (nextToStart - nextToEmit >= window) await new Promise<void>((r) => (wake = r));
      const i = nextToStart++;
      done.set(i, await work(items[i], i));
      await flush();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, runner));
  await flush();
}

interface Pending<R> {
  resolve: (r: R) => void;
  reject: (e: Error) => void;
}

/** A fixed set of worker threads running one script; each `run` goes to a free worker. */
export class WorkerPool<Q, R> {
  private readonly idle: Worker[] = [];
  private readonly waiting: ((w: Worker) => void)[] = [];
  private readonly pending = new Map<Worker, Pending<R>>();
  private readonly all: Worker[] = [];

  constructor(script: URL, size: number) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(script);
      w.on('message', (r: R) => {
        const p = this.pending.get(w);
        this.pending.delete(w);
        this.release(w);
        p?.resolve(r);
      });
      w.on('error', (e) => {
        const p = this.pending.get(w);
        this.pending.delete(w);
        p?.reject(e);
      });
      this.all.push(w);
      this.idle.push(w);
    }
  }

  private release(w: Worker) {
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }

  private acquire(): Promise<Worker> {
    const w = this.idle.pop();
    return w ? Promise.resolve(w) : new Promise((resolve) => this.waiting.push(resolve));
  }

  async run(request: Q): Promise<R> {
    const w = await this.acquire();
    return new Promise<R>((resolve, reject) => {
      this.pending.set(w, { resolve, reject });
      w.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
