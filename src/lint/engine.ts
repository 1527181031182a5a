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

/** The visitors of a walk by the kind of node they visit, each list in catalog order. */
type ByKind = { [K in keyof Visitors]-?: Visitors[] };
const KINDS = ['plan', 'heading', 'indicatorTable', 'indicator', 'task', 'planExit', 'block', 'blocks', 'directive'] as const satisfies readonly (keyof Visitors)[];
// a kind of visitor added to Visitors and not to KINDS would never be called: the build fails instead
const EVERY_KIND: [Exclude<keyof Visitors, (typeof KINDS)[number]>] extends [never] ? true : never = true;
void EVERY_KIND;
const KIND_SET: ReadonlySet<string> = new Set(KINDS);

/**
 * The visitors sorted by kind, once per file. A visitor made as an object literal (all of the
 * catalog's) is sorted by its own keys: asking each visitor for each kind by name, mostly for
 * methods it does not have, cost ~2 µs a question (a lookup that misses goes all the way up
 * the prototype chain, not cached once a site sees visitors of many shapes): 25–45 ms a run
 * over the 10 MB corpus, ~2 ms this way. Other visitors (a class's methods live on its
 * prototype) are asked by name.
 */
function byKind(all: readonly Visitors[]): ByKind {
  // a literal (its type requires every kind), not Object.fromEntries over KINDS: an array of
  // pairs and an object in dictionary mode per file (2–5 µs a file)
  const lists: ByKind = { plan: [], heading: [], indicatorTable: [], indicator: [], task: [], planExit: [], block: [], blocks: [], directive: [] };
  for (const v of all) {
    if (Object.getPrototypeOf(v) === Object.prototype) {
      for (const k of Object.keys(v)) if (KIND_SET.has(k) && v[k as keyof Visitors]) lists[k as keyof Visitors].push(v);
    } else for (const k of KINDS) if (v[k]) lists[k].push(v);
  }
  return lists;
}

/**
 * Walks the analysis once, in document order, calling the visitors. One loop per kind of node,
 * each calling its one method: a generic caller looking the method up by name was ~0.5 % of a
 * run; a node is built only when some visitor takes it.
 */
function walk(analysis: Analysis, kinds: ByKind): void {
  const { document, facts } = analysis;
  const { plan, heading, indicatorTable, indicator, task, planExit } = kinds;
  const plans = document.plans;
  for (let index = 0; index < plans.length; index++) {
    const p = plans[index];
    const pf = facts.plans[index];
    const node: PlanNode = { index, plan: p, facts: pf };
    for (const v of plan) v.plan!(node);
    if (heading.length)
      for (const h of pf.headings) {
        const n = { plan: node, heading: h };
        for (const v of heading) v.heading!(n);
      }
    if (indicatorTable.length)
      for (let i = 0; i < pf.tables.length; i++) {
        const n = { plan: node, table: pf.tables[i], index: i };
        for (const v of indicatorTable) v.indicatorTable!(n);
      }
    if (indicator.length)
      for (let i = 0; i < p.indicators.length; i++) {
        const n = { plan: node, indicator: p.indicators[i], facts: pf.indicators[i] };
        for (const v of indicator) v.indicator!(n);
      }
    if (task.length) {
      // indexed loops, not forEach: a closure per plan and a call per task
      for (let i = 0; i < p.tasks.length; i++) {
        const n = { plan: node, task: p.tasks[i], facts: pf.tasks[i], isProject: false };
        for (const v of task) v.task!(n);
      }
      for (let i = 0; i < p.projects.length; i++) {
        const n = { plan: node, task: p.projects[i], facts: pf.projects[i], isProject: true };
        for (const v of task) v.task!(n);
      }
    }
    for (const v of planExit) v.planExit!(node);
  }
  for (const v of kinds.blocks) v.blocks!(analysis.blocks);
  const block = kinds.block;
  if (block.length) {
    const blocks = analysis.blocks;
    for (let i = 0; i < blocks.length; i++) for (const v of block) v.block!(blocks[i], i);
  }
}

const ruleIds = catalog.map((r) => r.id);
/** Problems with the inline comments themselves are not switched off by inline comments. */
const unsuppressible = new Set([inlineConfig.id]);

/** The rules' messages, sorted by position (the rules' order breaks ties). */
export function lint(analysis: Analysis, opts: LintOptions = {}): LintMessage[] {
  return lintFile(analysis, opts).messages;
}

/** A rule of the catalog with its setting and options in one configuration. */
interface Prepared {
  rule: AnyRule;
  setting: RuleSetting | undefined;
  options: unknown;
}

interface PreparedRules {
  list: Prepared[];
  /** the rules' order, which breaks ties between messages at one place */
  order: Map<string, number>;
}

/**
 * The catalog's settings and options per configuration, worked out once: the files of a run
 * share one configuration object (run/config.ts), and looking each rule up in it, merging its
 * options and building the order again per file was ~1 % of a run.
 */
const preparedRules = new WeakMap<object, WeakMap<readonly AnyRule[], PreparedRules>>();
const NOTHING_CONFIGURED = {};

function prepare(rules: readonly AnyRule[], configured: Record<string, RuleSetting> | undefined): PreparedRules {
  const key = configured ?? NOTHING_CONFIGURED;
  let byCatalog = preparedRules.get(key);
  if (!byCatalog) preparedRules.set(key, (byCatalog = new WeakMap()));
  let p = byCatalog.get(rules);
  if (!p) {
    const list = rules.map((rule) => {
      const setting = configured?.[rule.id];
      return { rule, setting, options: ruleOptions(rule, setting?.options) };
    });
    p = { list, order: new Map(rules.map((r, i) => [r.id, i])) };
    byCatalog.set(rules, p);
  }
  return p;
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
  const { list, order } = prepare(rules, opts.rules);
  const visitors: Visitors[] = [];

  for (const { rule, setting, options } of list) {
    // the rule's level outside plans and in each plan, worked out once per file rather than per report
    const outside = resolveLevel(rule, setting, options, null);
    const levels = new Array<Level>(plans.length);
    // a rule off outside plans and in every plan of the file is not run
    let on = outside !== 'off';
    for (let i = 0; i < plans.length; i++) {
      levels[i] = resolveLevel(rule, setting, options, plans[i].kind ?? null);
      if (levels[i] !== 'off') on = true;
    }
    if (!on) continue;

    const suppressible = !unsuppressible.has(rule.id);
    const report = (r: Report) => {
      const level = r.plan === null ? outside : (levels[r.plan] ?? outside);
      if (level === 'off') return;
      const template = (rule.messages as Record<string, MessageText>)[r.messageId];
      if (!template) throw new Error(`${rule.id}: unknown messageId ${r.messageId}`);
      const message = toMessage(rule.id, level, say(template, locale, r.data), r);
      const by = suppressible ? suppressions.match(rule.id, r.start.line) : null;
      if (by) suppressed.push({ ...message, suppressions: [{ kind: 'directive', justification: by.justification }] });
      else messages.push(message);
    };
    visitors.push(rule.create({ analysis, source, options, words, ruleIds, report }));
  }
  const kinds = byKind(visitors);
  walk(analysis, kinds);
  const directive = kinds.directive;
  for (const d of directives) for (const v of directive) v.directive!(d);

  const unusedLevel = opts.reportUnusedDisableDirectives ?? 'off';
  if (unusedLevel !== 'off') {
    for (const { directive: d, rule } of suppressions.unused((id) => ruleById.has(id))) {
      const data = { kind: d.kind, rule: rule ?? '' };
      const messageId = rule === null ? 'unused' : 'unusedRule';
      const span = source.span(d.start, d.end);
      messages.push(toMessage(inlineConfig.id, unusedLevel, say(inlineConfig.messages[messageId], locale, data), { messageId, ...span }));
    }
  }

  const byPlace = (a: LintMessage, b: LintMessage) =>
    a.offset - b.offset || a.endOffset - b.endOffset || (order.get(a.ruleId) ?? 0) - (order.get(b.ruleId) ?? 0);
  // (most files have a message or two, or no suppressed one: no sort to start)
  if (messages.length > 1) messages.sort(byPlace);
  if (suppressed.length > 1) suppressed.sort(byPlace);
  return { messages, suppressed };
}

function toMessage(ruleId: string, level: Level, message: string, r: Pick<Report, 'messageId' | 'start' | 'end' | 'fix'>): LintMessage {
  const m: LintMessage = {
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
  };
  // (in this order: the JSON output lists the keys as they were added)
  if (r.start.page !== undefined) {
    m.page = r.start.page;
    m.endPage = r.end.page;
  }
  if (r.fix) m.fix = r.fix;
  return m;
}
