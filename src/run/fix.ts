// `check --fix`: the fixes the rules attached to their messages (ESLint's {range, text}) applied
// to the file, which is then written back atomically in its own encoding. Only plain text and
// Markdown are rewritten (a Word, HTML or PDF file is not text plan-lint could write back); a
// file whose bytes would not come back the same from its decoded text (damaged bytes, a lone
// surrogate) is left alone, as is one that changed while it was read. As in ESLint, fixes that
// overlap wait for the next pass; at most ten passes.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type Iconv from 'iconv-lite';
import { lazyRequire } from '../util/lazy-require.js';
import type { LintResult } from '../lint/engine.js';
import type { LintMessage } from '../lint/types.js';
import type { Analysis } from '../model/analysis.js';
import { writeFileAtomically } from './output.js';

// loaded only to write a fixed file back in GB18030 or UTF-16 (--fix on such a file)
const iconv = lazyRequire<typeof Iconv>('iconv-lite');

/** The formats --fix rewrites. */
export const fixableFormats: ReadonlySet<string> = new Set(['txt', 'md']);
const MAX_PASSES = 10;

/** Why a file with fixable problems was not rewritten: a format or stream plan-lint does not write, bytes that would not come back, a file changed meanwhile. */
export type FixRefusal = 'format' | 'stream' | 'encoding' | 'changed';

export type FixOutcome = { applied: number } | { refused: FixRefusal };

/** `text` with the fixes of `messages` applied, in order, skipping any that overlaps one applied before. */
export function applyFixes(text: string, messages: readonly LintMessage[]): { text: string; applied: number } {
  const fixes = messages.flatMap((m) => (m.fix ? [m.fix] : [])).sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let out = '';
  let at = 0;
  let applied = 0;
  for (const f of fixes) {
    const [start, end] = f.range;
    if (start < at || end < start || end > text.length) continue;
    out += text.slice(at, start) + f.text;
    at = end;
    applied++;
  }
  return { text: out + text.slice(at), applied };
}

/** The bytes of `text` in the encoding it was read in, or null for one plan-lint does not write. */
export function encodeAs(text: string, encoding: string): Buffer | null {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv().encode(text, 'utf-16be')]);
    case 'gb18030':
      return iconv().encode(text, 'gb18030');
    default:
      return null;
  }
}

export interface Fixed {
  analysis: Analysis;
  result: LintResult;
  outcome: FixOutcome | null;
}

/**
 * Applies the fixes of `result` to `file` (pass after pass, re-analysing the fixed text with
 * `reanalyse`, re-linting with `relint`) and writes the file back. `outcome` is null when no
 * message had a fix; the analysis and messages returned are those of the file as it now is.
 */
export async function fixFile(
  file: string,
  analysis: Analysis,
  result: LintResult,
  reanalyse: (text: string, sha256: string) => Promise<Analysis>,
  relint: (a: Analysis) => LintResult,
): Promise<Fixed> {
  if (!result.messages.some((m) => m.fix)) return { analysis, result, outcome: null };
  const refuse = (refused: FixRefusal): Fixed => ({ analysis, result, outcome: { refused } });
  if (file === '-') return refuse('stream');
  if (!fixableFormats.has(analysis.source.format)) return refuse('format');
  let bytes: Buffer;
  let mode: number;
  try {
    // a pipe named on the command line has been read to its end: there is no file to write back
    const st = await fs.stat(file);
    if (!st.isFile()) return refuse('stream');
    mode = st.mode & 0o7777;
    bytes = await fs.readFile(file);
  } catch {
    return refuse('changed');
  }
  if (createHash('sha256').update(bytes).digest('hex') !== analysis.source.sha256) return refuse('changed');
  // only a file whose text encodes back to exactly its bytes can be rewritten without damage elsewhere
  const same = encodeAs(analysis.source.text, analysis.source.encoding);
  if (!same || !same.equals(bytes)) return refuse('encoding');

  let text = analysis.source.text;
  let current = { analysis, result };
  let applied = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const r = applyFixes(text, current.result.messages);
    if (r.applied === 0 || r.text === text) break;
    text = r.text;
    applied += r.applied;
    const sha = createHash('sha256').update(encodeAs(text, analysis.source.encoding)!).digest('hex');
    const next = await reanalyse(text, sha);
    current = { analysis: next, result: relint(next) };
  }
  if (applied === 0) return { ...current, outcome: { applied: 0 } };
  await writeFileAtomically(file, encodeAs(text, analysis.source.encoding)!, mode);
  return { ...current, outcome: { applied } };
}
