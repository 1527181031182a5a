// Failures as a run reports them: one line, `plan-lint: FILE: reason`, classified by the
// class of the error (src/util/errors.ts), and always naming the file it happened on.
import { ConfigError } from '../config/schema.js';
import { GrammarError } from '../grammars/load.js';
import { UserProblem } from '../util/errors.js';
import type { Locale } from '../util/i18n.js';
import { displayPath } from '../util/paths.js';
import { oneLine } from '../util/text.js';
import { reasonText } from './problem-text.js';

/** input: a file that cannot be read or is not a plan · config: an invalid configuration or grammar file ·
 *  output: a report that cannot be written · internal: a bug in plan-lint */
export type ProblemKind = 'input' | 'config' | 'output' | 'internal';

export interface Problem {
  kind: ProblemKind;
  /** the file as shown to people */
  file: string;
  message: string;
}

/** An output (`-o FILE`) that cannot be written. */
export class OutputError extends UserProblem {}

/** Why an operating-system error stopped a read, in words. */
function errnoText(e: NodeJS.ErrnoException): string | null {
  if (typeof e.code !== 'string' || !e.syscall) return null;
  if (e.code === 'ENOENT') return 'no such file or directory';
  return `cannot read (${e.code})`;
}

/**
 * The problem an error is, for the file shown as `shown`. A configuration error names the
 * configuration file; everything else names the input. Errors that are not a UserProblem are
 * bugs: "internal error: …", still on one line and still naming the file.
 */
export function problemOf(e: unknown, shown: string, cwd: string): Problem {
  if (e instanceof ConfigError) return { kind: 'config', file: displayPath(e.file, cwd), message: oneLine(e.message) };
  if (e instanceof GrammarError) {
    // a grammar file edited with a mistake: its message names the file ("grammars/x.yaml: key: reason")
    const m = /^(grammars\/[^:]+): ([^]*)$/.exec(e.message);
    return { kind: 'config', file: m ? m[1] : 'grammars', message: oneLine(m ? m[2] : e.message) };
  }
  if (e instanceof OutputError) return { kind: 'output', file: shown, message: oneLine(e.message) };
  if (e instanceof UserProblem) return { kind: 'input', file: shown, message: oneLine(e.message) };
  const errno = e instanceof Error ? errnoText(e as NodeJS.ErrnoException) : null;
  if (errno) return { kind: 'input', file: shown, message: errno };
  const message = e instanceof Error ? e.message : String(e);
  return { kind: 'internal', file: shown, message: `internal error: ${oneLine(message) || (e as Error)?.name || 'unknown'}` };
}

/** The reason of a problem in `locale`. */
export const problemText = (p: Pick<Problem, 'message'>, locale: Locale = 'zh'): string => reasonText(p.message, locale);

/** A problem as the one line printed on standard error. */
export const problemLine = (p: Problem, locale: Locale = 'zh'): string => `plan-lint: ${p.file}: ${problemText(p, locale)}\n`;
