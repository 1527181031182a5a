// zod, loaded on first use. Every run that finds its grammars in the build's cache and has no
// configuration file needs no validation at all, and zod (with its locales) is most of what a
// cold start would otherwise compile: so the modules on the path of `check` build their schemas
// in functions and take zod from here. It is the CommonJS build, required synchronously (as the
// YAML parser is), so loaders stay synchronous.
import type { z as Z } from 'zod';
import { lazyRequire } from './lazy-require.js';

const zodModule = lazyRequire<{ z: typeof Z }>('zod');

export function zod(): typeof Z {
  return zodModule().z;
}

/** A schema built on first use and kept. */
export function lazySchema<S>(build: (z: typeof Z) => S): () => S {
  let s: S | null = null;
  return () => (s ??= build(zod()));
}

/** A string that compiles as a regular expression with the `u` flag (the grammars' patterns). */
export function regexString(z: typeof Z) {
  return z.string().refine((s) => {
    try {
      new RegExp(s, 'u');
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression');
}
