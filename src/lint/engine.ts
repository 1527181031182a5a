// Runs the enabled rules over one extraction, resolves severities (configured, per plan kind,
// or enabled by options), applies inline directives and sorts the messages by position.
import type { ExtractResult } from '../model/analysis.js';
import type { PlanKind } from '../model/schema.js';
import { rules as catalog } from './rules/index.js';
import type { AnyRule, Level, LintMessage, Locale, MessageText, Report } from './types.js';
import { PositionIndex } from './position.js';
import { lintWords, type LintWords } from './words.js';
import { directivesOf, suppression } from './directives.js';

/** What the configuration says about one rule; both parts optional. */
export interface RuleSetting {
  level?: Level;
  options?: unknown;
}

export interface LintOptions {
  rules?: Record<string, RuleSetting>;
  locale?: Locale;
  /** the catalog to run (tests pass a single rule) */
  catalog?: readonly AnyRule[];
  words?: LintWords;
}

export function formatMessage(template: MessageText, locale: Locale, data: Record<string, string | number> = {}): string {
  return template[locale].replace(/\{(\w+)\}/g, (all, key: string) => (key in data ? String(data[key]) : all));
}

/** The severity a rule reports with in a plan of `kind` (null kind: text outside every plan). */
export function resolveLevel(rule: AnyRule, setting: RuleSetting | undefined, options: unknown, kind: PlanKind | null): Level {
  if (setting?.level) return setting.level;
  if (setting?.options !== undefined && rule.severityWhenConfigured) {
    const l = rule.severityWhenConfigured(options);
    if (l) return l;
  }
  const d = rule.defaultSeverity;
  if (typeof d === 'string') return d;
  return d[kind ?? 'other'];
}

/** The rule's options: its defaults overlaid with the configured ones, validated. */
export function ruleOptions(rule: AnyRule, configured: unknown): unknown {
  if (!rule.options) return {};
  const merged = { ...(rule.defaultOptions ?? {}), ...((configured as object | undefined) ?? {}) };
  return rule.options.parse(merged);
}

export function lint(result: ExtractResult, opts: LintOptions = {}): LintMessage[] {
  const locale = opts.locale ?? 'zh';
  const words = opts.words ?? lintWords();
  const pos = new PositionIndex(result.source.text, result.source.pages);
  const suppressed = suppression(directivesOf(result, pos), result.source.text);
  const plans = result.document.plans;
  const messages: LintMessage[] = [];

  for (const rule of opts.catalog ?? catalog) {
    const setting = opts.rules?.[rule.id];
    const options = ruleOptions(rule, setting?.options);
    const levelFor = (plan: number | null) => resolveLevel(rule, setting, options, plan === null ? null : (plans[plan]?.kind ?? null));
    const possible = new Set<Level>([levelFor(null), ...plans.map((_, i) => levelFor(i))]);
    if (possible.size === 1 && possible.has('off')) continue;

    const report = (r: Report) => {
      const level = levelFor(r.plan);
      if (level === 'off') return;
      if (suppressed(rule.id, r.start.line)) return;
      const template = rule.messages[r.messageId];
      if (!template) throw new Error(`${rule.id}: unknown messageId ${r.messageId}`);
      messages.push({
        ruleId: rule.id,
        severity: level === 'error' ? 2 : 1,
        message: formatMessage(template, locale, r.data),
        messageId: r.messageId,
        line: r.start.line,
        column: r.start.column,
        endLine: r.end.line,
        endColumn: r.end.column,
        offset: r.start.offset,
        endOffset: r.end.offset,
        ...(r.start.page === undefined ? {} : { page: r.start.page, endPage: r.end.page }),
      });
    };
    rule.check({ result, options, words, pos, report });
  }

  const order = new Map((opts.catalog ?? catalog).map((r, i) => [r.id, i]));
  messages.sort(
    (a, b) => a.offset - b.offset || a.endOffset - b.endOffset || (order.get(a.ruleId) ?? 0) - (order.get(b.ruleId) ?? 0),
  );
  return messages;
}
