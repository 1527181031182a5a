// ESLint's JSON formatter shape (SPEC): one entry per linted file.
import type { Formatter } from '../types.js';

export const json: Formatter = (results) =>
  JSON.stringify(
    results.map((r) => ({
      filePath: r.filePath,
      messages: r.messages.map((m) => ({
        ruleId: m.ruleId,
        severity: m.severity,
        message: m.message,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
      })),
      errorCount: r.errorCount,
      warningCount: r.warningCount,
    })),
  ) + '\n';
