// ESLint's JSON formatter shape (SPEC): one entry per linted file.
import type { Formatter } from '../types.js';
import type { FileResult } from '../../lint/types.js';

/** One file's entry in ESLint's JSON shape. */
export const eslintEntry = (r: FileResult) => ({
      filePath: r.filePath,
      messages: r.messages.map((m) => ({
        ruleId: m.ruleId,
        severity: m.severity,
        message: m.message,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        ...(m.page === undefined ? {} : { page: m.page, endPage: m.endPage }),
      })),
  errorCount: r.errorCount,
  warningCount: r.warningCount,
});

export const json: Formatter = (results) => JSON.stringify(results.map(eslintEntry)) + '\n';
