// Reading a YAML data file validated with zod, fast: `npm ci` / `npm run build` validates every
// grammar once and stores the result in dist/grammars.cache.json with a hash of each file's
// content. A file whose content has not changed since is read from the cache; a file that has
// changed (a user extending a grammar) is parsed and validated again, and a mistake in it is
// reported with its file name and key. The key is the content, not the modification time: an
// installed copy (`npm pack` sets every file's time to 1985) and a fresh checkout hit the cache,
// and an edit that keeps size and time does not.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';

const here = path.dirname(fileURLToPath(import.meta.url));
export const grammarDir = path.resolve(here, '..', '..', 'grammars');
const defaultCacheFile = path.resolve(here, '..', 'grammars.cache.json');
const require = createRequire(import.meta.url);

interface Entry {
  /** SHA-1 of the file's bytes */
  hash: string;
  data: unknown;
}

/** A schema, or a function that builds it (so that a cache hit never builds one). */
export type SchemaOf<T> = z.ZodType<T> | (() => z.ZodType<T>);

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
  read<T>(file: string, schema: SchemaOf<T>, fail: (message: string) => Error): T {
    const full = path.join(this.dir, file);
    let bytes: Buffer;
    try {
      bytes = readFileSync(full);
    } catch {
      throw fail(`grammars/${file}: missing`);
    }
    const hash = createHash('sha1').update(bytes).digest('hex');
    const hit = this.bypass ? undefined : this.readCache()[file];
    if (hit && hit.hash === hash) return hit.data as T;
    this.parsed++;
    const YAML = require('yaml') as typeof import('yaml');
    let data: unknown;
    try {
      data = YAML.parse(bytes.toString('utf8'), { maxAliasCount: 100 });
    } catch (e) {
      throw fail(`grammars/${file}: ${(e as Error).message.split('\n')[0]}`);
    }
    const r = (typeof schema === 'function' ? schema() : schema).safeParse(data);
    if (!r.success) {
      const issue = r.error.issues[0];
      throw fail(`grammars/${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    this.fresh[file] = { hash, data: r.data };
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

export function readValidated<T>(file: string, schema: SchemaOf<T>, fail: (message: string) => Error): T {
  return grammarStore.read(file, schema, fail);
}

/** The build validates every file again, whatever the cache holds. */
export function bypassCache(): void {
  grammarStore.bypass = true;
}

export function writeCache(): number {
  return grammarStore.writeCache();
}
