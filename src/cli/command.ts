// What every command module shares: settling --rule/--config, refusing empty paths, and saying
// what the runner set aside or could not fix.
import { configSource, UsageError, type ConfigSource } from '../run/config.js';
import type { FixOutcome } from '../run/fix.js';
import type { RunIO } from '../run/io.js';
import { problemLine, problemOf, type Problem } from '../run/problems.js';
import type { Progress } from '../run/progress.js';
import type { Outcome, SkipReason } from '../run/run-files.js';
import { say, type Locale } from '../util/i18n.js';
import { cliText } from './messages.js';
export type { CommandContext } from './program.js';
export { collect } from './options.js';

/**
 * The configuration source of a linting command (check, report), or null after printing why
 * it cannot be had: a bad --rule flag or an invalid --config file (exit 2). Notes about the
 * configuration go to standard error unless `quiet`.
 */
export function settleConfig(opts: { rule?: string[]; config?: string; quiet?: boolean }, io: RunIO, locale: Locale): ConfigSource | null {
  try {
    return configSource({ rule: opts.rule, config: opts.config, locale, note: opts.quiet ? undefined : (line) => io.stderr(line) }, io.cwd);
  } catch (e) {
    io.stderr(e instanceof UsageError ? `plan-lint: ${e.message}\n` : problemLine(problemOf(e, opts.config ?? '', io.cwd), locale));
    return null;
  }
}

/** False (after saying so) when a path argument is empty: `check "$UNSET"` must not check the working folder. */
export function pathsGiven(paths: readonly string[], io: RunIO, locale: Locale): boolean {
  if (paths.every((p) => p.trim() !== '')) return true;
  io.stderr(cliText.emptyPath[locale]);
  return false;
}

/** The note for a file the runner set aside. */
export function skipLine(file: string, reason: SkipReason, locale: Locale): string {
  return say(reason === 'ignored' ? cliText.skippedIgnored : cliText.skippedNoPlan, locale, { file });
}

/** The note for a file --fix left alone (null: nothing to say). */
export function fixLine(file: string, fix: FixOutcome | null, locale: Locale): string | null {
  if (!fix || !('refused' in fix)) return null;
  const text = { format: cliText.fixFormat, stream: cliText.fixStream, encoding: cliText.fixEncoding, changed: cliText.fixChanged }[fix.refused];
  return say(text, locale, { file });
}

type Analysed = Extract<Outcome, { ok: true }>;

/**
 * The loop of the commands that read files one by one (extract, export, report): a skipped file
 * noted (unless `quiet`), an unreadable one reported on standard error and handed to `problem`,
 * each analysed one to `use`. Returns how many files could not be read.
 */
export async function eachAnalysed(
  run: AsyncIterable<Outcome>,
  progress: Progress,
  opts: { quiet?: boolean; locale: Locale },
  use: (o: Analysed) => unknown,
  problem?: (p: Problem) => void,
): Promise<number> {
  let bad = 0;
  for await (const o of run) {
    if (o.ok === 'skipped') {
      if (!opts.quiet) progress.stderr(skipLine(o.file, o.reason, opts.locale));
    } else if (o.ok) await use(o);
    else {
      progress.stderr(problemLine(o.problem, opts.locale));
      problem?.(o.problem);
      bad++;
    }
  }
  return bad;
}
