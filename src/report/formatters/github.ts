// GitHub Actions workflow commands: annotations on the pull request's files.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import type { Formatter } from '../types.js';
import { displayPath } from '../../util/paths.js';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Formatter = (results, ctx) => {
  let out = '';
  for (const r of results) {
    const file = escapeProperty(r.shownPath ?? displayPath(r.filePath, ctx.cwd));
    for (const m of r.messages) {
      const kind = m.severity === 2 ? 'error' : 'warning';
      const page = m.page === undefined ? '' : ` (p${m.page})`;
      out += `::${kind} file=${file},line=${m.line},col=${m.column},title=${escapeProperty(m.ruleId)}::${escapeData(m.message + page)}\n`;
    }
  }
  return out;
};
