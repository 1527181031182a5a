// Running work over many items with at most `jobs` at once and handing the results back in
// input order, so a report reads the same whatever finished first. Results wait only until
// their turn, and no new item starts while `lookahead` items are started but not yet handed
// back, so memory stays bounded by the pool, not by the corpus.
import type { Worker } from 'node:worker_threads';
import { lazyRequire } from '../util/lazy-require.js';

// loaded when a pool starts: a run in one thread (one file, --jobs 1) never needs it (cold start)
const workerThreads = lazyRequire<typeof import('node:worker_threads')>('node:worker_threads');

/**
 * Yields `work(item, i)` for every item, in input order, with at most `jobs` calls running at
 * once. `work` must not reject (the runner turns every failure into an outcome).
 */
export async function* mapOrdered<T, R>(
  items: readonly T[],
  jobs: number,
  work: (item: T, index: number) => Promise<R>,
  lookahead = Math.max(1, jobs) * 4,
): AsyncGenerator<R> {
  const limit = Math.max(1, jobs);
  const started = new Map<number, Promise<R>>();
  let next = 0; // the next item to start
  let yielded = 0; // the next item to hand back
  let running = 0;
  // Starting work happens here only: from the loop below and when a call settles, so there is
  // no waiter to lose, however many calls finish at once.
  const pump = () => {
    while (running < limit && next < items.length && next - yielded < Math.max(limit, lookahead)) {
      const i = next++;
      running++;
      const p = work(items[i], i);
      const settle = () => {
        running--;
        pump();
      };
      p.then(settle, settle);
      started.set(i, p);
    }
  };
  while (yielded < items.length) {
    pump();
    const result = await started.get(yielded)!;
    started.delete(yielded);
    yielded++;
    yield result;
  }
}

interface Pending<T> {
  resolve: (r: T) => void;
  reject: (e: Error) => void;
}

/**
 * A fixed set of worker threads running one script; each `run` goes to a free worker. A worker
 * that dies fails the request it held; when none is left, every waiting request fails too
 * (never a wait that cannot end).
 */
export class WorkerPool<Q, R> {
  private readonly idle: Worker[] = [];
  private readonly waiting: Pending<Worker>[] = [];
  private readonly pending = new Map<Worker, Pending<R>>();
  private readonly live = new Set<Worker>();
  private lastError: Error = new Error('worker pool closed');

  constructor(script: URL, size: number) {
    for (let i = 0; i < size; i++) {
      const w = new (workerThreads().Worker)(script);
      w.on('message', (r: R) => {
        const p = this.pending.get(w);
        this.pending.delete(w);
        this.release(w);
        p?.resolve(r);
      });
      w.on('error', (e) => this.lose(w, e));
      w.on('exit', (code) => this.lose(w, new Error(`worker thread exited (${code})`)));
      this.live.add(w);
      this.idle.push(w);
    }
  }

  private lose(w: Worker, e: Error) {
    if (!this.live.delete(w)) return;
    this.lastError = e;
    const i = this.idle.indexOf(w);
    if (i >= 0) this.idle.splice(i, 1);
    this.pending.get(w)?.reject(e);
    this.pending.delete(w);
    if (this.live.size === 0) for (const waiter of this.waiting.splice(0)) waiter.reject(e);
  }

  private release(w: Worker) {
    const next = this.waiting.shift();
    if (next) next.resolve(w);
    else this.idle.push(w);
  }

  private acquire(): Promise<Worker> {
    if (this.live.size === 0) return Promise.reject(this.lastError);
    const w = this.idle.pop();
    return w ? Promise.resolve(w) : new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  async run(request: Q): Promise<R> {
    const w = await this.acquire();
    return new Promise<R>((resolve, reject) => {
      this.pending.set(w, { resolve, reject });
      w.postMessage(request);
    });
  }

  async close(): Promise<void> {
    const all = [...this.live];
    this.live.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }
}
