// What every linting command (check, report) settles before it reads a file: the --rule flags
// and the --config file; then, per input, the configuration that governs it.
import path from 'node:path';
import { ConfigResolver, readConfigFile } from '../config/load.js';
import { parseRuleFlag, withRuleFlags, type Config } from '../config/schema.js';
import type { Level } from '../lint/types.js';
import { STDIN } from '../ingest/walk.js';

/** The configuration of each input: found upwards from its folder (or --config), --rule laid over. */
export interface ConfigSource {
  /** throws ConfigError for an invalid configuration file */
  forFile(file: string): Config;
}

export class UsageError extends Error {}

/**
 * The configuration source of a run. A bad --rule flag is a UsageError; an unreadable or
 * invalid --config file a ConfigError (both exit 2).
 */
export function configSource(opts: { rule?: string[]; config?: string }, cwd: string): ConfigSource {
  let flags: [string, Level][];
  try {
    flags = (opts.rule ?? []).map(parseRuleFlag);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const explicit = opts.config ? readConfigFile(path.resolve(cwd, opts.config)) : null;
  const resolver = new ConfigResolver(explicit);
  return { forFile: (file) => withRuleFlags(resolver.forDir(file === STDIN ? cwd : path.dirname(file)), flags) };
}
