// One-line errors and exit code 2 for bad input; a stack trace only for real bugs, and only
// with PLAN_LINT_DEBUG set.
import { InputError } from '../ingest/errors.js';

export function errorLine(e: unknown): string {
  if (e instanceof InputError) return `plan-lint: ${e.file}: ${e.message}`;
  return `plan-lint: ${(e as Error)?.message ?? String(e)}`;
}

export function fail(e: unknown): never {
  process.stderr.write(errorLine(e) + '\n');
  if (process.env.PLAN_LINT_DEBUG && !(e instanceof InputError)) process.stderr.write(String((e as Error)?.stack) + '\n');
  process.exit(2);
}
