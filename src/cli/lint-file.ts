// Extract and lint one file: the unit of work of `check`, run in this thread or in a worker.
import type { ExtractResult } from '../model/analysis.js';
import type { LintMessage, Locale } from '../lint/types.js';
import type { Config } from '../config/schema.js';
import { lint } from '../lint/engine.js';

export interface LintRequest {
  file: string;
  rules: Config['rules'];
  locale: Locale;
}

export type LintReply =
  | { ok: true; messages: LintMessage[] }
  | { ok: false; message: string; input: boolean };

export async function lintFile(req: LintRequest, extract: (file: string) => Promise<ExtractResult>): Promise<LintReply> {
  let result: ExtractResult;
  try {
    result = await extract(req.file);
  } catch (e) {
    const err = e as Error & { code?: string };
    if (err.name === 'InputError') return { ok: false, message: err.message, input: true };
    if (err.code === 'ENOENT') return { ok: false, message: 'no such file or directory', input: true };
    if (err.code === 'EACCES' || err.code === 'EISDIR') return { ok: false, message: `cannot read (${err.code})`, input: true };
    return { ok: false, message: `internal error: ${err.message}`, input: false };
  }
  try {
    return { ok: true, messages: lint(result, { rules: req.rules, locale: req.locale }) };
  } catch (e) {
    return { ok: false, message: `internal error: ${(e as Error).message}`, input: false };
  }
}
