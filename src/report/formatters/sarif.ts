// SARIF 2.1.0 (one run; every rule of the catalog in tool.driver.rules with its help text in the
// chosen locale and a helpUri to its page in docs/rules/; a physicalLocation.region on every
// result; unreadable inputs as toolExecutionNotifications). Paths inside the working folder are
// relative to %SRCROOT% everywhere, each segment percent-encoded (a "#" or "?" in a file name is
// part of the name, not a fragment or a query). Columns are code points, declared by columnKind.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type { Formatter } from '../types.js';
import type { AnyRule, Level } from '../../lint/types.js';
import { displayPath, STDIN_PATH } from '../../util/paths.js';
import { ruleHelpText, ruleHelpMarkdown } from '../../lint/docs.js';
import { packageInfo } from '../version.js';

const sarifLevel = (l: Level) => (l === 'error' ? 'error' : l === 'warn' ? 'warning' : 'none');

function defaultLevel(rule: AnyRule): Level {
  const d = rule.defaultSeverity;
  if (typeof d === 'string') return d;
  return d.workPoints !== 'off' ? d.workPoints : d.plan;
}

/** A path as a URI reference: every segment percent-encoded (RFC 3986), "/" between them. */
export const encodePath = (p: string) => p.split('/').map(encodeURIComponent).join('/');

/** Where a file is: relative to %SRCROOT% when inside the working folder, else an absolute file: URI. */
export function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (file === STDIN_PATH) return { uri: 'stdin' };
  const shown = displayPath(path.resolve(cwd, file), cwd);
  if (path.isAbsolute(shown) || /^[A-Za-z]:\//.test(shown)) return { uri: pathToFileURL(shown).href.replace(/[?#]/g, (c) => encodeURIComponent(c)) };
  return { uri: encodePath(shown), uriBaseId: '%SRCROOT%' };
}

/** The page of a rule in docs/rules/: in the repository when package.json names one, else the installed copy. */
export function ruleDocUri(id: string): string {
  const pkg = packageInfo();
  if (pkg.repository) return `${pkg.repository}/blob/HEAD/docs/rules/${id}.md`;
  return pathToFileURL(path.join(pkg.root, 'docs', 'rules', `${id}.md`)).href;
}

export const sarif: Formatter = (results, ctx) => {
  const index = new Map(ctx.rules.map((r, i) => [r.id, i]));
  const info = packageInfo();
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'plan-lint',
            version: ctx.version,
            ...(info.homepage ? { informationUri: info.homepage } : {}),
            rules: ctx.rules.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.docs.summary[ctx.locale] },
              fullDescription: { text: r.docs.what[ctx.locale] },
              helpUri: ruleDocUri(r.id),
              help: { text: ruleHelpText(r, ctx.locale), markdown: ruleHelpMarkdown(r, ctx.locale) },
              defaultConfiguration: { level: sarifLevel(defaultLevel(r)), enabled: defaultLevel(r) !== 'off' },
            })),
          },
        },
        columnKind: 'unicodeCodePoints',
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(ctx.cwd.replace(/[\\/]?$/, path.sep)).href } },
        invocations: [
          {
            executionSuccessful: ctx.problems.length === 0,
            toolExecutionNotifications: ctx.problems.map((p) => ({
              level: 'error',
              message: { text: p.message },
              locations: [{ physicalLocation: { artifactLocation: artifactLocation(p.file, ctx.cwd) } }],
            })),
          },
        ],
        results: results.flatMap((r) => {
          const artifact = artifactLocation(r.filePath, ctx.cwd);
          return r.messages.map((m) => ({
            ruleId: m.ruleId,
            ...(index.has(m.ruleId) ? { ruleIndex: index.get(m.ruleId) } : {}),
            level: m.severity === 2 ? 'error' : 'warning',
            message: { text: m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifact,
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
            ...(m.fix ? { properties: { fixable: true } } : {}),
          }));
        }),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
