// What every linting command (check, report) settles before it reads a file: the --rule flags
// and the --config file. A mistake in either is a usage error: one line on stderr, exit 2.
import path from 'node:path';
import type { Level } from '../lint/types.js';
import { displayPath } from '../report/paths.js';
import { ConfigError, parseRuleFlag, type Config } from './schema.js';
import { ConfigResolver, readConfigFile } from './load.js';
import { oneLine } from '../cli/options.js';


export interface LintSetup {
  flags: [string, Level][];
  resolver: ConfigResolver;
}

export function lintSetup(opts: { rule?: string[]; config?: string }, io: { cwd: string; stderr: (s: string) => void }): LintSetup | null {
  let flags: [string, Level][];
  try {
    flags = (opts.rule ?? []).map(parseRuleFlag);
  } catch (e) {
    io.stderr(`plan-lint: ${(e as Error).message}\n`);
    return null;
  }
  let explicit: Config | null = null;
  if (opts.config) {
    try {
      explicit = readConfigFile(path.resolve(io.cwd, opts.config));
    } catch (e) {
      const file = e instanceof ConfigError ? e.file : opts.config;
      io.stderr(`plan-lint: ${displayPath(path.resolve(io.cwd, file), io.cwd)}: ${oneLine((e as Error).message)}\n`);
      return null;
    }
  }
  return { flags, resolver: new ConfigResolver(explicit) };
}
