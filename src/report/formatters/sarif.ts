// SARIF 2.1.0 (one run; every rule of the catalog in tool.driver.rules with its help text; a
// physicalLocation.region on every result). Columns are code points, declared by columnKind.
import type { Formatter } from '../types.js';
import type { AnyRule, Level } from '../../lint/types.js';
import { displayPath, STDIN_PATH } from '../../util/paths.js';
import { ruleHelpText, ruleHelpMarkdown } from '../../lint/docs.js';

const sarifLevel = (l: Level) => (l === 'error' ? 'error' : l === 'warn' ? 'warning' : 'none');

function defaultLevel(rule: AnyRule): Level {
  const d = rule.defaultSeverity;
  if (typeof d === 'string') return d;
  return d.workPoints !== 'off' ? d.workPoints : d.plan;
}

function artifactUri(file: string, cwd: string): string {
  if (file === STDIN_PATH) return 'stdin';
  const shown = displayPath(file, cwd);
  if (/^\/|^[A-Za-z]:\//.test(shown)) return 'file://' + encodeURI(shown.startsWith('/') ? shown : '/' + shown);
  return encodeURI(shown);
}

export const sarif: Formatter = (results, ctx) => {
  const index = new Map(ctx.rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'plan-lint',
            version: ctx.version,
            informationUri: 'https://www.npmjs.com/package/plan-lint',
            rules: ctx.rules.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.docs.summary[ctx.locale] },
              fullDescription: { text: r.docs.what },
              help: { text: ruleHelpText(r), markdown: ruleHelpMarkdown(r) },
              defaultConfiguration: { level: sarifLevel(defaultLevel(r)), enabled: defaultLevel(r) !== 'off' },
            })),
          },
        },
        columnKind: 'unicodeCodePoints',
        originalUriBaseIds: { '%SRCROOT%': { uri: 'file://' + encodeURI(ctx.cwd.split('\\').join('/').replace(/\/?$/, '/')) } },
        invocations: [
          {
            executionSuccessful: ctx.problems.length === 0,
            toolExecutionNotifications: ctx.problems.map((p) => ({
              level: 'error',
              message: { text: p.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(p.file, ctx.cwd) } } }],
            })),
          },
        ],
        results: results.flatMap((r) => {
          const uri = artifactUri(r.filePath, ctx.cwd);
          const relative = !uri.startsWith('file:') && uri !== 'stdin';
          return r.messages.map((m) => ({
            ruleId: m.ruleId,
            ...(index.has(m.ruleId) ? { ruleIndex: index.get(m.ruleId) } : {}),
            level: m.severity === 2 ? 'error' : 'warning',
            message: { text: m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: relative ? { uri, uriBaseId: '%SRCROOT%' } : { uri },
                  region: {
                    startLine: m.line,
                    startColumn: m.column,
                    endLine: m.endLine,
                    endColumn: m.endColumn,
                    // a PDF's lines are those of the text its reader laid out; the page is where to look
                    ...(m.page === undefined ? {} : { properties: { page: m.page, endPage: m.endPage } }),
                  },
                },
              },
            ],
          }));
        }),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
