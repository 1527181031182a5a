// Human output, grouped per file, like ESLint's stylish formatter.
import { Chalk } from 'chalk';
import type { FormatContext, Formatter } from '../types.js';
import { placeOf, type FileResult } from '../../lint/types.js';
import { displayPath } from '../../util/paths.js';
import { padEnd, displayWidth } from '../../util/width.js';

const s = (n: number) => (n === 1 ? '' : 's');
const words = {
  zh: {
    error: '错误',
    warning: '警告',
    summary: (p: number, e: number, w: number) => `${p} 个问题（${e} 个错误，${w} 个警告）`,
    fixable: (e: number, w: number) => `  其中 ${e} 个错误、${w} 个警告可用 --fix 自动修正。`,
  },
  en: {
    error: 'error',
    warning: 'warning',
    summary: (p: number, e: number, w: number) => `${p} problem${s(p)} (${e} error${s(e)}, ${w} warning${s(w)})`,
    fixable: (e: number, w: number) => `  ${e} error${s(e)} and ${w} warning${s(w)} potentially fixable with the \`--fix\` option.`,
  },
};

/** What the closing summary counts. */
export interface Totals {
  errors: number;
  warnings: number;
  fixableErrors: number;
  fixableWarnings: number;
}

/** The totals of some results (fatal results count in none: they are reported on standard error). */
export function totalsOf(results: FileResult[]): Totals {
  const t: Totals = { errors: 0, warnings: 0, fixableErrors: 0, fixableWarnings: 0 };
  for (const r of results) {
    if (r.fatal !== undefined) continue;
    t.errors += r.errorCount;
    t.warnings += r.warningCount;
    for (const m of r.messages) if (m.fix) m.severity === 2 ? t.fixableErrors++ : t.fixableWarnings++;
  }
  return t;
}

/** One file's block of the stylish report (empty when it has no messages). */
export function stylishFile(r: FileResult, ctx: FormatContext): string {
  if (r.messages.length === 0) return '';
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const t = words[ctx.locale];
  let out = '';
  {
    const rows = r.messages.map((m) => ({
      place: placeOf(m),
      severity: m.severity === 2 ? t.error : t.warning,
      isError: m.severity === 2,
      message: m.message.replace(/[\r\n]+/g, ' '),
      ruleId: m.ruleId,
    }));
    const wPlace = Math.max(...rows.map((x) => x.place.length));
    const wSev = Math.max(...rows.map((x) => displayWidth(x.severity)));
    const wMsg = Math.max(...rows.map((x) => displayWidth(x.message)));
    out += `\n${c.underline(r.shownPath ?? displayPath(r.filePath, ctx.cwd))}\n`;
    for (const x of rows) {
      const sev = padEnd(x.severity, wSev);
      out +=
        `  ${c.dim(x.place.padStart(wPlace))}  ${x.isError ? c.red(sev) : c.yellow(sev)}  ` +
        `${padEnd(x.message, wMsg)}  ${c.dim(x.ruleId)}\n`;
    }
  }
  return out;
}

/** The closing summary of the stylish report: the counts, and what --fix would correct. */
export function stylishSummary(t: Totals, ctx: FormatContext): string {
  const total = t.errors + t.warnings;
  if (total === 0) return '';
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const w = words[ctx.locale];
  const line = `\u2716 ${w.summary(total, t.errors, t.warnings)}`;
  const paint = t.errors > 0 ? c.red.bold : c.yellow.bold;
  const fixable = t.fixableErrors + t.fixableWarnings > 0 ? `${paint(w.fixable(t.fixableErrors, t.fixableWarnings))}\n` : '';
  return `\n${paint(line)}\n${fixable}`;
}

export const stylish: Formatter = (results, ctx) => {
  let out = '';
  for (const r of results) out += stylishFile(r, ctx);
  return out + stylishSummary(totalsOf(results), ctx);
};
