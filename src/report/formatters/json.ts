// ESLint's JSON formatter shape (SPEC), complete: one entry per file with its messages, the
// messages inline comments switched off, the counts ESLint gives (fatal, fixable) and, for a
// file that could not be read, one fatal message saying why (ruleId null, severity 2, line 0).
import type { Formatter } from '../types.js';
import type { FileResult, LintMessage, SuppressedMessage } from '../../lint/types.js';

const message = (m: LintMessage) => ({
  ruleId: m.ruleId,
  severity: m.severity,
  message: m.message,
  line: m.line,
  column: m.column,
  endLine: m.endLine,
  endColumn: m.endColumn,
  ...(m.page === undefined ? {} : { page: m.page, endPage: m.endPage }),
  ...(m.fix ? { fix: { range: m.fix.range, text: m.fix.text } } : {}),
});

const count = (ms: LintMessage[], severity: 1 | 2, fixable = false) => ms.filter((m) => m.severity === severity && (!fixable || m.fix)).length;

/** One file's entry in ESLint's JSON shape. */
export const eslintEntry = (r: FileResult) => {
  if (r.fatal !== undefined)
    return {
      filePath: r.filePath,
      // ESLint's fatal message: no rule, an error, no place in the file
      messages: [{ ruleId: null, fatal: true, severity: 2, message: r.fatal, line: 0 }],
      suppressedMessages: [],
      errorCount: 1,
      fatalErrorCount: 1,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
    };
  return {
    filePath: r.filePath,
    messages: r.messages.map(message),
    suppressedMessages: (r.suppressedMessages ?? []).map((m: SuppressedMessage) => ({ ...message(m), suppressions: m.suppressions })),
    errorCount: r.errorCount,
    fatalErrorCount: 0,
    warningCount: r.warningCount,
    fixableErrorCount: count(r.messages, 2, true),
    fixableWarningCount: count(r.messages, 1, true),
    usedDeprecatedRules: [],
  };
};

export const json: Formatter = (results) => JSON.stringify(results.map(eslintEntry)) + '\n';
