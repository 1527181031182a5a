// Finding and reading configuration: the nearest .planlintrc.yaml/.yml/.json or package.json with a
// `planLint` key, from a file's folder upwards; or one file given with --config.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

// the YAML parser is loaded only when a YAML configuration is found
const require = createRequire(import.meta.url);
import { ConfigError, validateConfig, type Config } from './schema.js';

export const configNames = ['.planlintrc.yaml', '.planlintrc.yml', '.planlintrc.json', 'package.json'] as const;

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

/** Read and validate one configuration file. */
export function readConfigFile(file: string): Config {
  let text: string;
  try {
    // a device (--config /dev/zero) never ends and a folder is not a file: refuse both before
    // reading; a pipe given on purpose (--config <(…)) is read
    const st = statSync(file);
    if (st.isDirectory()) throw new ConfigError(file, 'is a folder, not a configuration file');
    if (!st.isFile() && !st.isFIFO()) throw new ConfigError(file, 'not a regular file, not a configuration file');
    if (st.size > MAX_CONFIG_BYTES) throw new ConfigError(file, `too large (${Math.round(st.size / 1024 / 1024)} MB), not a configuration file`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError(file, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const base = path.basename(file);
  let data: unknown;
  try {
    if (base === 'package.json' || file.endsWith('.json')) data = JSON.parse(text);
    else {
      // safe: no custom tags, and a bound on alias expansion ("billion laughs")
      data = (require('yaml') as typeof import('yaml')).parse(text, { maxAliasCount: 100, prettyErrors: false });
    }
  } catch (e) {
    throw new ConfigError(file, `invalid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${firstLine((e as Error).message)}`);
  }
  if (base === 'package.json') {
    const pkg = data as Record<string, unknown> | null;
    return validateConfig(pkg?.planLint, file);
  }
  return validateConfig(data, file);
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

/** The configuration file that governs `dir`, or null. */
export function findConfigFile(dir: string): string | null {
  let d = path.resolve(dir);
  for (;;) {
    for (const name of configNames) {
      const f = path.join(d, name);
      if (!isRegularFile(f)) continue;
      if (name === 'package.json' && !hasPlanLintKey(f)) continue;
      return f;
    }
    const up = path.dirname(d);
    if (up === d) return null;
    d = up;
  }
}

/** Caches lookups per folder, so a folder of 500 plans reads its config once. */
export class ConfigResolver {
  private readonly byDir = new Map<string, Config>();
  private readonly byFile = new Map<string, Config>();

  constructor(private readonly explicit: Config | null = null) {}

  /** The configuration for a file in folder `dir`; throws ConfigError for an invalid file. */
  forDir(dir: string): Config {
    if (this.explicit) return this.explicit;
    const key = path.resolve(dir);
    const hit = this.byDir.get(key);
    if (hit) return hit;
    const file = findConfigFile(key);
    let config: Config;
    if (!file) config = { file: null, rules: {} };
    else {
      const cached = this.byFile.get(file);
      config = cached ?? readConfigFile(file);
      this.byFile.set(file, config);
    }
    this.byDir.set(key, config);
    return config;
  }
}
