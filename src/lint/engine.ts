// Runs the enabled rules over one analysis: resolves severities (configured, per plan kind, or
// enabled by options), lets every rule create its visitors, walks the analysis once calling
// them, applies inline directives and sorts the messages by position.
import { lintWords, type LintWords } from '../grammars/lint-words.js';
import type { Analysis } from '../model/analysis.js';
import type { PlanKind } from '../model/schema.js';
import { say } from '../util/i18n.js';
import { Suppressions } from './directives.js';
import { inlineConfig } from './rules/inline-config.js';
import { rules as catalog, ruleById } from './rules/index.js';
import type { AnyRule, Level, LintMessage, Locale, MessageText, PlanNode, Report, SuppressedMessage, Visitors } from './types.js';

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
  /** false: inline comments are ignored (--no-inline-config) */
  inlineConfig?: boolean;
  /** the severity of disable comments that switch nothing off (--report-unused-disable-directives); off by default */
  reportUnusedDisableDirectives?: Level;
}

export interface LintResult {
  messages: LintMessage[];
  /** messages inline comments switched off, with the comment's justification */
  suppressed: SuppressedMessage[];
}

export function formatMessage(template: MessageText, locale: Locale, data: Record<string, string | number> = {}): string {
  return say(template, locale, data);
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

/**
 * The rule's options: its defaults overlaid with the configured ones, validated. Nothing
 * configured: the defaults as they are (they validate to themselves, tests/lint/catalog.test.ts),
 * so a plain run never builds a schema.
 */
export function ruleOptions(rule: AnyRule, configured: unknown): unknown {
  if (configured === undefined && rule.defaultOptions !== undefined) return rule.defaultOptions;
  if (!rule.options) return {};
  const merged = { ...(rule.defaultOptions ?? {}), ...((configured as object | undefined) ?? {}) };
  return rule.options.parse(merged);
}

/** Calls `visit` of every rule that has it. */
function each<K extends keyof Visitors>(all: Visitors[], key: K, arg: Parameters<NonNullable<Visitors[K]>>[0]): void {
  for (const v of all) (v[key] as ((a: typeof arg) => void) | undefined)?.(arg);
}

/** The visitors that have `key`, found once per walk (most rules visit one or two kinds of node). */
const having = <K extends keyof Visitors>(all: Visitors[], key: K) => all.filter((v) => v[key]);

/** Walks the analysis once, in document order, calling the visitors. */
function walk(analysis: Analysis, all: Visitors[]): void {
  const { document, facts } = analysis;
  const visitors = {
    plan: having(all, 'plan'),
    heading: having(all, 'heading'),
    indicatorTable: having(all, 'indicatorTable'),
    indicator: having(all, 'indicator'),
    task: having(all, 'task'),
    planExit: having(all, 'planExit'),
  };
  document.plans.forEach((plan, index) => {
    const pf = facts.plans[index];
    const node: PlanNode = { index, plan, facts: pf };
    each(visitors.plan, 'plan', node);
    if (visitors.heading.length) for (const heading of pf.headings) each(visitors.heading, 'heading', { plan: node, heading });
    pf.tables.forEach((table, i) => each(visitors.indicatorTable, 'indicatorTable', { plan: node, table, index: i }));
    plan.indicators.forEach((indicator, i) => each(visitors.indicator, 'indicator', { plan: node, indicator, facts: pf.indicators[i] }));
    plan.tasks.forEach((task, i) => each(visitors.task, 'task', { plan: node, task, facts: pf.tasks[i], isProject: false }));
    plan.projects.forEach((task, i) => each(visitors.task, 'task', { plan: node, task, facts: pf.projects[i], isProject: true }));
    each(visitors.planExit, 'planExit', node);
  });
  const blockVisitors = having(all, 'block');
  analysis.blocks.forEach((block, index) => {
    for (const v of blockVisitors) v.block!(block, index);
  });
}

const ruleIds = catalog.map((r) => r.id);
/** Problems with the inline comments themselves are not switched off by inline comments. */
const unsuppressible = new Set([inlineConfig.id]);

/** The rules' messages, sorted by position (the rules' order breaks ties). */
export function lint(analysis: Analysis, opts: LintOptions = {}): LintMessage[] {
  return lintFile(analysis, opts).messages;
}

export function lintFile(analysis: Analysis, opts: LintOptions = {}): LintResult {
  const locale = opts.locale ?? 'zh';
  const words = opts.words ?? lintWords();
  const source = analysis.source;
  const directives = opts.inlineConfig === false ? [] : analysis.directives;
  const suppressions = new Suppressions(directives, source);
  const plans = analysis.document.plans;
  const messages: LintMessage[] = [];
  const suppressed: SuppressedMessage[] = [];
  const rules = opts.catalog ?? catalog;
  const visitors: Visitors[] = [];

  for (const rule of rules) {
    const setting = opts.rules?.[rule.id];
    const options = ruleOptions(rule, setting?.options);
    const levelFor = (plan: number | null) => resolveLevel(rule, setting, options, plan === null ? null : (plans[plan]?.kind ?? null));
    const possible = new Set<Level>([levelFor(null), ...plans.map((_, i) => levelFor(i))]);
    if (possible.size === 1 && possible.has('off')) continue;

    const report = (r: Report) => {
      const level = levelFor(r.plan);
      if (level === 'off') return;
      const template = (rule.messages as Record<string, MessageText>)[r.messageId];
      if (!template) throw new Error(`${rule.id}: unknown messageId ${r.messageId}`);
      const message = toMessage(rule.id, level, formatMessage(template, locale, r.data), r);
      const by = unsuppressible.has(rule.id) ? null : suppressions.match(rule.id, r.start.line);
      if (by) suppressed.push({ ...message, suppressions: [{ kind: 'directive', justification: by.justification }] });
      else messages.push(message);
    };
    visitors.push(rule.create({ analysis, source, options, words, ruleIds, report }));
  }
  walk(analysis, visitors);
  for (const d of directives) each(visitors, 'directive', d);

  const unusedLevel = opts.reportUnusedDisableDirectives ?? 'off';
  if (unusedLevel !== 'off') {
    for (const { directive: d, rule } of suppressions.unused((id) => ruleById.has(id))) {
      const data = { kind: d.kind, rule: rule ?? '' };
      const messageId = rule === null ? 'unused' : 'unusedRule';
      const span = source.span(d.start, d.end);
      messages.push(toMessage(inlineConfig.id, unusedLevel, formatMessage(inlineConfig.messages[messageId], locale, data), { messageId, ...span }));
    }
  }

  const order = new Map(rules.map((r, i) => [r.id, i]));
  const byPlace = (a: LintMessage, b: LintMessage) =>
    a.offset - b.offset || a.endOffset - b.endOffset || (order.get(a.ruleId) ?? 0) - (order.get(b.ruleId) ?? 0);
  messages.sort(byPlace);
  suppressed.sort(byPlace);
  return { messages, suppressed };
}

function toMessage(ruleId: string, level: Level, message: string, r: Pick<Report, 'messageId' | 'start' | 'end' | 'fix'>): LintMessage {
  return {
    ruleId,
    severity: level === 'error' ? 2 : 1,
    message,
    messageId: r.messageId,
    line: r.start.line,
    column: r.start.column,
    endLine: r.end.line,
    endColumn: r.end.column,
    offset: r.start.offset,
    endOffset: r.end.offset,
    ...(r.start.page === undefined ? {} : { page: r.start.page, endPage: r.end.page }),
    ...(r.fix ? { fix: r.fix } : {}),
  };
}
