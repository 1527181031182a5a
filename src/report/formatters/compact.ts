// One line per diagnostic: `file:line:col: severity rule message` (grep- and editor-friendly).
import type { Formatter } from '../types.js';
import { displayPath } from '../../util/paths.js';
import { placeOf } from '../../lint/types.js';

/** A message on one line: line breaks become one space (most messages hold none: no regex run). */
const oneLine = (s: string) => (s.includes('\n') || s.includes('\r') ? s.replace(/[\r\n]+/g, ' ') : s);

export const compact: Formatter = (results, ctx) => {
  let out = '';
  for (const r of results) {
    const file = (r.shownPath ?? displayPath(r.filePath, ctx.cwd)) + ':';
    for (const m of r.messages) {
      out += `${file}${placeOf(m)}: ${m.severity === 2 ? 'error' : 'warning'} ${m.ruleId} ${oneLine(m.message)}\n`;
    }
  }
  return out;
};
