// Reading a YAML data file validated with zod, fast: `npm ci` / `npm run build` validates every
// grammar once and stores the result in dist/grammars.cache.json with each file's size and
// modification time. A file that has not changed since is read from the cache; a file that has
// changed (a user extending a grammar) is parsed and validated again, and a mistake in it is
// reported with its file name and key.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';

const here = path.dirname(fileURLToPath(import.meta.url));
export const grammarDir = path.resolve(here, '..', '..', 'grammars');
const cacheFile = path.resolve(here, '..', 'grammars.cache.json');
const require = createRequire(import.meta.url);

interface Entry {
  mtimeMs: number;
  size: number;
  data: unknown;
}

let cache: Record<string, Entry> | null = null;
const fresh: Record<string, Entry> = {};
let bypass = false;

/** The build validates every file again, whatever the cache holds. */
export function bypassCache(): void {
  bypass = true;
}

function readCache(): Record<string, Entry> {
  if (cache) return cache;
  try {
    cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, Entry>;
  } catch {
    cache = {};
  }
  return cache;
}

/** `grammars/<file>` parsed and validated (or taken from the cache when unchanged). */
export function readValidated<T>(file: string, schema: z.ZodType<T>, fail: (message: string) => Error): T {
  const full = path.join(grammarDir, file);
  let st: { mtimeMs: number; size: number };
  try {
    st = statSync(full);
  } catch {
    throw fail(`grammars/${file}: missing`);
  }
  const hit = bypass ? undefined : readCache()[file];
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.data as T;
  const YAML = require('yaml') as typeof import('yaml');
  let data: unknown;
  try {
    data = YAML.parse(readFileSync(full, 'utf8'), { maxAliasCount: 100 });
  } catch (e) {
    throw fail(`grammars/${file}: ${(e as Error).message.split('\n')[0]}`);
  }
  const r = schema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw fail(`grammars/${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  fresh[file] = { mtimeMs: st.mtimeMs, size: st.size, data: r.data };
  return r.data;
}

/** Writes what this process validated to the cache (the build runs this after loading all). */
export function writeCache(): number {
  writeFileSync(cacheFile, JSON.stringify(fresh));
  return Object.keys(fresh).length;
}
