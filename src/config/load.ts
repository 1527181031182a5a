// Finding and reading configuration: the nearest .planlintrc.{yaml,yml,json,js,cjs,mjs} or
// package.json with a `planLint` key, from a file's folder upwards; or one file given with
// --config. `extends` is resolved here (relative to the file that says it); `overrides` are
// applied per file (ConfigResolver.forFile).
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type ignoreFactory from 'ignore';
import type { Ignore } from 'ignore';
import { lazyRequire } from '../util/lazy-require.js';
import { say, type Locale } from '../util/i18n.js';
import { configText as T } from './messages.js';
import { ConfigError, mergeRules, shown, validateConfig, type Config, type Override } from './schema.js';

// required only for a configuration with overrides
const ignore = lazyRequire<typeof ignoreFactory>('ignore');

// the YAML parser is loaded only when a YAML configuration is found; JavaScript configurations
// are loaded as modules (Node ≥ 20.19 loads ES modules with require)
const require = createRequire(import.meta.url);

/** In the order they win when a folder holds several (the others are named in a warning). */
export const configNames = ['.planlintrc.yaml', '.planlintrc.yml', '.planlintrc.json', '.planlintrc.js', '.planlintrc.cjs', '.planlintrc.mjs', 'package.json'] as const;

const moduleExtensions = new Set(['.js', '.cjs', '.mjs']);

function firstLine(s: string): string {
  return s.split('\n')[0].trim();
}

/** A configuration file is small; anything larger is not one (and is not read into memory). */
export const MAX_CONFIG_BYTES = 16 * 1024 * 1024;

/** Whether `f` is a regular file (found configuration files must be; a FIFO would block). */
function isRegularFile(f: string): boolean {
  try {
    return statSync(f).isFile();
  } catch {
    return false;
  }
}

function parse(file: string, locale: Locale): unknown {
  const ext = path.extname(file).toLowerCase();
  if (moduleExtensions.has(ext)) {
    let loaded: unknown;
    try {
      loaded = require(file);
    } catch (e) {
      throw new ConfigError(file, say(T.moduleFailed, locale, { message: firstLine((e as Error)?.message ?? String(e)) }));
    }
    const m = loaded as { __esModule?: boolean; default?: unknown } | null;
    const data = m && typeof m === 'object' && 'default' in m ? m.default : loaded;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new ConfigError(file, say(T.moduleShape, locale, { got: shown(data) }));
    return data;
  }
  let text: string;
  try {
    // a device (--config /dev/zero) never ends and a folder is not a file: refuse both before
    // reading; a pipe given on purpose (--config <(…)) is read
    const st = statSync(file);
    if (st.isDirectory()) throw new ConfigError(file, T.folder[locale]);
    if (!st.isFile() && !st.isFIFO()) throw new ConfigError(file, T.notRegular[locale]);
    if (st.size > MAX_CONFIG_BYTES) throw new ConfigError(file, say(T.tooLarge, locale, { size: Math.round(st.size / 1024 / 1024) }));
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError(file, say(T.cannotRead, locale, { code: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
  }
  const json = path.basename(file) === 'package.json' || ext === '.json';
  try {
    if (json) return JSON.parse(text);
    // safe: no custom tags, and a bound on alias expansion ("billion laughs")
    return (require('yaml') as typeof import('yaml')).parse(text, { maxAliasCount: 100, prettyErrors: false });
  } catch (e) {
    throw new ConfigError(file, say(T.invalidSyntax, locale, { format: json ? 'JSON' : 'YAML', message: firstLine((e as Error).message) }));
  }
}

/** Read and validate one configuration file, with what it extends merged in. */
export function readConfigFile(file: string, locale: Locale = 'en', chain: string[] = []): Config {
  // a missing module is a read error like any other missing file, not a failed load
  if (moduleExtensions.has(path.extname(file).toLowerCase()) && !isRegularFile(file)) throw new ConfigError(file, say(T.cannotRead, locale, { code: 'ENOENT' }));
  const data = parse(file, locale);
  const { extends: targets, ...own } = validateConfig(path.basename(file) === 'package.json' ? (data as Record<string, unknown> | null)?.planLint : data, file, locale);
  if (!targets.length) return { ...own, sources: [file] };
  const layers: Config[] = targets.map((target) => {
    const resolved = path.resolve(path.dirname(file), target);
    if (resolved === file || chain.includes(resolved))
      throw new ConfigError(file, say(T.extendsCycle, locale, { chain: [...chain, file, resolved].map((f) => path.basename(f)).join(' → ') }));
    try {
      statSync(resolved);
    } catch (e) {
      throw new ConfigError(file, say(T.extendsMissing, locale, { target, reason: (e as NodeJS.ErrnoException).code ?? 'ENOENT' }));
    }
    return readConfigFile(resolved, locale, [...chain, file]);
  });
  const overrides = [...layers.flatMap((l) => l.overrides ?? []), ...(own.overrides ?? [])];
  return {
    // other settings: the extended files' first, this file's over them
    ...Object.assign({}, ...layers, own),
    file,
    rules: mergeRules(...layers.map((l) => l.rules), own.rules),
    ...(overrides.length ? { overrides } : {}),
    sources: [...new Set([...layers.flatMap((l) => l.sources ?? [l.file!]), file])],
  };
}

function hasPlanLintKey(file: string): boolean {
  try {
    if (statSync(file).size > MAX_CONFIG_BYTES) return false;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> | null;
    return pkg !== null && typeof pkg === 'object' && 'planLint' in pkg;
  } catch {
    return false;
  }
}

/** The configuration files in one folder, in the order they win. */
export function configFilesIn(dir: string): string[] {
  return configNames
    .map((name) => path.join(dir, name))
    .filter((f) => isRegularFile(f) && (path.basename(f) !== 'package.json' || hasPlanLintKey(f)));
}

/**
 * The configuration file that governs `dir`, or null. When the nearest folder with one holds
 * several, the first of configNames wins and `competing` hears of the others.
 */
export function findConfigFile(dir: string, competing?: (dir: string, files: string[]) => void): string | null {
  let d = path.resolve(dir);
  for (;;) {
    const found = configFilesIn(d);
    if (found.length > 1) competing?.(d, found);
    if (found.length) return found[0];
    const up = path.dirname(d);
    if (up === d) return null;
    d = up;
  }
}

const matchers = new WeakMap<Override, { files: Ignore; excluded: Ignore }>();

/** Whether an override applies to `file`: its globs are .gitignore-style, relative to its configuration's folder. */
export function overrideMatches(o: Override, file: string): boolean {
  let m = matchers.get(o);
  if (!m) {
    m = { files: ignore()().add(o.files), excluded: ignore()().add(o.excludedFiles) };
    matchers.set(o, m);
  }
  let rel = path.relative(o.base, file).split(path.sep).join('/');
  // a file outside the configuration's folder (--config elsewhere) is matched by its name
  if (!rel || rel.startsWith('../') || path.isAbsolute(rel)) rel = path.basename(file);
  return m.files.ignores(rel) && !m.excluded.ignores(rel);
}

/** The configuration for one file: the overrides that match it laid over the base rules, in order. */
export function forFile(config: Config, file: string): Config {
  if (!config.overrides?.length) return config;
  const layers = config.overrides.filter((o) => overrideMatches(o, file)).map((o) => o.rules);
  return layers.length ? { ...config, rules: mergeRules(config.rules, ...layers) } : config;
}

export interface ResolverOptions {
  locale?: Locale;
  /** hears of a folder holding several configuration files (once per folder) */
  onCompeting?: (dir: string, files: string[]) => void;
}

/** Caches lookups per folder, so a folder of 500 plans reads its config once. */
export class ConfigResolver {
  private readonly byDir = new Map<string, Config>();
  private readonly byFile = new Map<string, Config>();
  private readonly told = new Set<string>();
  /** the folder asked last, as given, and its configuration: a run's files come folder by folder */
  private last: { dir: string; config: Config } | null = null;

  constructor(
    private readonly explicit: Config | null = null,
    private readonly opts: ResolverOptions = {},
  ) {}

  /** The configuration for a file in folder `dir` (before overrides); throws ConfigError for an invalid file. */
  forDir(dir: string): Config {
    if (this.explicit) return this.explicit;
    // (an absolute folder's key does not depend on the working folder: no path.resolve per file)
    if (this.last !== null && this.last.dir === dir) return this.last.config;
    const config = this.lookUp(dir);
    if (path.isAbsolute(dir)) this.last = { dir, config };
    return config;
  }

  private lookUp(dir: string): Config {
    const key = path.resolve(dir);
    const hit = this.byDir.get(key);
    if (hit) return hit;
    const file = findConfigFile(key, (d, files) => {
      if (this.told.has(d)) return;
      this.told.add(d);
      this.opts.onCompeting?.(d, files);
    });
    let config: Config;
    if (!file) config = { file: null, rules: {} };
    else {
      const cached = this.byFile.get(file);
      config = cached ?? readConfigFile(file, this.opts.locale);
      this.byFile.set(file, config);
    }
    this.byDir.set(key, config);
    return config;
  }

  /** The configuration for `file` (overrides applied). */
  forFile(file: string): Config {
    return forFile(this.forDir(path.dirname(file)), file);
  }
}
