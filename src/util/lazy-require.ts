// A CommonJS dependency loaded on first use, synchronously. The bundle (scripts/build.mjs) would
// otherwise compile it into the start-up path of every run, also of runs that never need it.
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/** A function returning the module `name`, required the first time it is called. */
export function lazyRequire<T>(name: string): () => T {
  let m: T | undefined;
  return () => (m ??= load(name) as T);
}
