// What every command module shares: option parsing helpers and settling --rule/--config.
import { InvalidArgumentError } from 'commander';
import { configSource, UsageError, type ConfigSource } from '../run/config.js';
import type { RunIO } from '../run/io.js';
import { problemLine, problemOf } from '../run/problems.js';

export type { CommandContext } from './program.js';

export function nonNegativeInt(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return Number(value);
}

export function positiveInt(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return Number(value);
}

/** commander accumulator for a repeatable option (--rule A --rule B) */
export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/**
 * The configuration source of a linting command (check, report), or null after printing why
 * it cannot be had: a bad --rule flag or an invalid --config file (exit 2).
 */
export function settleConfig(opts: { rule?: string[]; config?: string }, io: RunIO): ConfigSource | null {
  try {
    return configSource(opts, io.cwd);
  } catch (e) {
    io.stderr(e instanceof UsageError ? `plan-lint: ${e.message}\n` : problemLine(problemOf(e, opts.config ?? '', io.cwd)));
    return null;
  }
}
