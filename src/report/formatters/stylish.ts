// Human output, grouped per file, like ESLint's stylish formatter.
import { Chalk } from 'chalk';
import type { Formatter } from '../types.js';
import { displayPath } from '../paths.js';
import { padEnd, displayWidth } from './width.js';

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

export const stylish: Formatter = (results, ctx) => {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const t = words[ctx.locale];
  let out = '';
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    if (r.messages.length === 0) continue;
    errors += r.errorCount;
    warnings += r.warningCount;
    const rows = r.messages.map((m) => ({
      place: `${m.line}:${m.column}`,
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
  const total = errors + warnings;
  if (total > 0) {
    const line = `\u2716 ${t.summary(total, errors, warnings)}`;
    out += `\n${errors > 0 ? c.red.bold(line) : c.yellow.bold(line)}\n`;
  }
  return out;
};
