// One line per diagnostic: `file:line:col: severity rule message` (grep- and editor-friendly).
import type { Formatter } from '../types.js';
import { displayPath } from '../../util/paths.js';
import { placeOf } from '../../lint/types.js';

export const compact: Formatter = (results, ctx) => {
  let out = '';
  for (const r of results) {
    const file = displayPath(r.filePath, ctx.cwd);
    for (const m of r.messages) {
      out += `${file}:${placeOf(m)}: ${m.severity === 2 ? 'error' : 'warning'} ${m.ruleId} ${m.message.replace(/[\r\n]+/g, ' ')}\n`;
    }
  }
  return out;
};
