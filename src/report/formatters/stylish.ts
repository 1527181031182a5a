// Human output, grouped per file, like ESLint's stylish formatter.
import { Chalk } from 'chalk';
import type { FormatContext, Formatter } from '../types.js';
import { placeOf, type FileResult } from '../../lint/types.js';
import { displayPath } from '../../util/paths.js';
import { padEnd, displayWidth } from '../../util/width.js';

const words = {
  zh: {
    error: '错误',
    warning: '警告',
    summary: (p: number, e: number, w: number) => `${p} 个问题（${e} 个错误，${w} 个警告）`,
  },
  en: {
    error: 'error',
    warning: 'warning',
    summary: (p: number, e: number, w: number) =>
      `${p} problem${p === 1 ? '' : 's'} (${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'})`,
  },
};

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
    out += `\n${c.underline(displayPath(r.filePath, ctx.cwd))}\n`;
    for (const x of rows) {
      const sev = padEnd(x.severity, wSev);
      out +=
        `  ${c.dim(x.place.padStart(wPlace))}  ${x.isError ? c.red(sev) : c.yellow(sev)}  ` +
        `${padEnd(x.message, wMsg)}  ${c.dim(x.ruleId)}\n`;
    }
  }
  return out;
}

/** The closing summary line of the stylish report. */
export function stylishSummary(errors: number, warnings: number, ctx: FormatContext): string {
  const total = errors + warnings;
  if (total === 0) return '';
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const line = `\u2716 ${words[ctx.locale].summary(total, errors, warnings)}`;
  return `\n${errors > 0 ? c.red.bold(line) : c.yellow.bold(line)}\n`;
}

export const stylish: Formatter = (results, ctx) => {
  let out = '';
  for (const r of results) out += stylishFile(r, ctx);
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  return out + stylishSummary(errors, warnings, ctx);
};
