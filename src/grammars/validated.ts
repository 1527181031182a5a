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
const defaultCacheFile = path.resolve(here, '..', 'grammars.cache.json');
const require = createRequire(import.meta.url);

interface Entry {
  mtimeMs: number;
  size: number;
  data: unknown;
}

/** A folder of grammar files and the cache of their validated contents. */
export class GrammarStore {
  private cache: Record<string, Entry> | null = null;
  private readonly fresh: Record<string, Entry> = {};
  /** how many files were parsed and validated (not taken from the cache) */
  parsed = 0;

  /** @param bypass validate every file again, whatever the cache holds (the build does) */
  constructor(
    readonly dir: string,
    readonly cacheFile: string,
    public bypass = false,
  ) {}

  private readCache(): Record<string, Entry> {
    if (this.cache) return this.cache;
    try {
      this.cache = JSON.parse(readFileSync(this.cacheFile, 'utf8')) as Record<string, Entry>;
    } catch {
      this.cache = {};
    }
    return this.cache;
  }

  /** `<dir>/<file>` parsed and validated, or taken from the cache when unchanged. */
  read<T>(file: string, schema: z.ZodType<T>, fail: (message: string) => Error): T {
    const full = path.join(this.dir, file);
    let st: { mtimeMs: number; size: number };
    try {
      st = statSync(full);
    } catch {
      throw fail(`grammars/${file}: missing`);
    }
    const hit = this.bypass ? undefined : this.readCache()[file];
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.data as T;
    this.parsed++;
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
    this.fresh[file] = { mtimeMs: st.mtimeMs, size: st.size, data: r.data };
    return r.data;
  }

  /** Writes what this store validated to the cache (the build runs this after loading all). */
  writeCache(): number {
    writeFileSync(this.cacheFile, JSON.stringify(this.fresh));
    return Object.keys(this.fresh).length;
  }
}

/** The grammars plan-lint runs with: grammars/ beside dist/, cached in dist/grammars.cache.json. */
export const grammarStore = new GrammarStore(grammarDir, defaultCacheFile);

export function readValidated<T>(file: string, schema: z.ZodType<T>, fail: (message: string) => Error): T {
  return grammarStore.read(file, schema, fail);
}

/** The build validates every file again, whatever the cache holds. */
export function bypassCache(): void {
  grammarStore.bypass = true;
}

export function writeCache(): number {
  return grammarStore.writeCache();
}
