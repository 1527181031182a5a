// The rule documentation as `plan-lint rules`, SARIF help and the README print it, Ruff-style:
// What it does / Why is this bad? / Example / Use instead — in either locale. Generated from the
// rule objects only.
import { zod } from '../util/zod.js';
import { say, type Text } from '../util/i18n.js';
import type { AnyRule, DefaultSeverity, Locale } from './types.js';

const kindNames: Record<string, Text> = {
  plan: { zh: '规划', en: 'plan' },
  workPoints: { zh: '工作要点', en: 'workPoints' },
  taskBreakdown: { zh: '任务分工', en: 'taskBreakdown' },
  other: { zh: '其他', en: 'other' },
};

const words = {
  title: { zh: '{id} — {summary}', en: '{id} — {summary}' },
  severity: { zh: '默认严重程度：{severity}', en: 'Default severity: {severity}' },
  options: { zh: '选项（默认值）：{options}', en: 'Options (defaults): {options}' },
  fixable: { zh: '可用 --fix 自动修正（见“作用”）', en: 'Fixable with --fix (see What it does)' },
  what: { zh: '作用', en: 'What it does' },
  why: { zh: '为什么要改', en: 'Why is this bad?' },
  example: { zh: '示例（报告位置：{at}；› 标出报告的行）', en: 'Example (reported at {at}; › marks the reported lines)' },
  exampleMd: { zh: '示例', en: 'Example' },
  instead: { zh: '应改为', en: 'Use instead' },
} satisfies Record<string, Text>;

export function severityText(d: DefaultSeverity, locale: Locale = 'en'): string {
  if (typeof d === 'string') return d;
  const byLevel = new Map<string, string[]>();
  for (const [kind, level] of Object.entries(d)) byLevel.set(level, [...(byLevel.get(level) ?? []), kindNames[kind]?.[locale] ?? kind]);
  const parts = [...byLevel].map(([level, kinds]) => (locale === 'zh' ? `${level}（${kinds.join('、')}）` : `${level} (${kinds.join(', ')})`));
  return locale === 'zh' ? parts.join('；') : parts.join('; ');
}

/** The line numbers of a docs example's report positions ("20:14" → 20, "12" → 12). */
export const reportedLines = (reports: readonly string[]): number[] => reports.map((r) => Number(r.split(':')[0]));

/**
 * The lines where two example texts differ and the lines in `marked` (the reported ones, shown
 * with ›), each with one line of context, numbered as in the file; gaps are shown as ┆ ….
 */
export function exampleExcerpt(text: string, other: string, marked: readonly number[] = []): string {
  const a = text.split('\n');
  const b = other.split('\n');
  let first = 0;
  while (first < a.length && first < b.length && a[first] === b[first]) first++;
  let endA = a.length - 1;
  let endB = b.length - 1;
  while (endA >= first && endB >= first && a[endA] === b[endB]) {
    endA--;
    endB--;
  }
  if (first > endA) {
    first = Math.min(first, a.length - 1);
    endA = first;
  }
  const shown = new Set<number>();
  const around = (i: number) => {
    for (let k = Math.max(0, i - 1); k <= Math.min(a.length - 1, i + 1); k++) shown.add(k);
  };
  for (let i = first; i <= endA; i++) around(i);
  const marks = new Set(marked.map((l) => l - 1).filter((i) => i >= 0 && i < a.length));
  for (const i of marks) around(i);
  const order = [...shown].sort((x, y) => x - y);
  const width = String(order[order.length - 1] + 1).length;
  const gap = `  ${' '.repeat(width)} ┆ …`;
  const lines: string[] = [];
  order.forEach((i, k) => {
    if ((k === 0 && i > 0) || (k > 0 && i > order[k - 1] + 1)) lines.push(gap);
    lines.push(`${marks.has(i) ? '›' : ' '} ${String(i + 1).padStart(width)} │ ${a[i]}`);
  });
  if (order[order.length - 1] < a.length - 1) lines.push(gap);
  return lines.join('\n');
}

function optionsText(rule: AnyRule): string | null {
  if (!rule.options) return null;
  return JSON.stringify(rule.defaultOptions ?? {});
}

/** Plain-text documentation of one rule. */
export function ruleHelpText(rule: AnyRule, locale: Locale = 'zh'): string {
  const d = rule.docs;
  const other: Locale = locale === 'zh' ? 'en' : 'zh';
  const parts = [say(words.title, locale, { id: rule.id, summary: d.summary[locale] }), d.summary[other], say(words.severity, locale, { severity: severityText(rule.defaultSeverity, locale) })];
  const o = optionsText(rule);
  if (o) parts.push(say(words.options, locale, { options: o }));
  if (rule.fixable) parts.push(words.fixable[locale]);
  parts.push(
    '',
    words.what[locale],
    indent(d.what[locale]),
    '',
    words.why[locale],
    indent(d.why[locale]),
    '',
    say(words.example, locale, { at: d.failing.reports.join(locale === 'zh' ? '、' : ', ') }),
    indent(exampleExcerpt(d.failing.text, d.passing.text, reportedLines(d.failing.reports))),
    '',
    words.instead[locale],
    indent(exampleExcerpt(d.passing.text, d.failing.text)),
  );
  return parts.join('\n');
}

/** Markdown documentation of one rule (SARIF help.markdown, docs/rules/*.md). */
export function ruleHelpMarkdown(rule: AnyRule, locale: Locale = 'zh'): string {
  const d = rule.docs;
  const o = optionsText(rule);
  const other: Locale = locale === 'zh' ? 'en' : 'zh';
  return [
    `## ${rule.id}`,
    '',
    `${d.summary[locale]} — ${d.summary[other]}`,
    '',
    say(words.severity, locale, { severity: `\`${severityText(rule.defaultSeverity, locale)}\`` }),
    ...(o ? ['', say(words.options, locale, { options: `\`${o}\`` })] : []),
    ...(rule.fixable ? ['', words.fixable[locale]] : []),
    '',
    `### ${words.what[locale]}`,
    d.what[locale],
    '',
    `### ${words.why[locale]}`,
    d.why[locale],
    '',
    `### ${say(words.example, locale, { at: d.failing.reports.join(locale === 'zh' ? '、' : ', ') })}`,
    '```text',
    exampleExcerpt(d.failing.text, d.passing.text, reportedLines(d.failing.reports)),
    '```',
    '',
    `### ${words.instead[locale]}`,
    '```text',
    exampleExcerpt(d.passing.text, d.failing.text),
    '```',
  ].join('\n');
}

/** The page docs/rules/<id>.md: the documentation in Chinese, then in English (generated; SARIF's helpUri). */
export function ruleDocPage(rule: AnyRule): string {
  const note = '<!-- generated from src/lint/rules by scripts/rule-docs.mjs: edit the rule, not this page -->';
  const md = (locale: Locale) => ruleHelpMarkdown(rule, locale).replace(/^## /, '# ');
  return [note, '', md('zh'), '', '---', '', md('en').replace(/^# .*\n/, '## English\n'), ''].join('\n');
}

function indent(s: string): string {
  return s
    .split('\n')
    .map((l) => (l ? '    ' + l : l))
    .join('\n');
}

/** The catalog as data (`plan-lint rules --format json`). */
export function ruleCatalogJson(rules: readonly AnyRule[]) {
  return rules.map((r) => ({
    id: r.id,
    defaultSeverity: r.defaultSeverity,
    summary: r.docs.summary,
    messages: r.messages,
    fixable: Boolean(r.fixable),
    docs: {
      what: r.docs.what,
      why: r.docs.why,
      failing: { text: r.docs.failing.text, format: r.docs.failing.format ?? 'txt', reports: r.docs.failing.reports },
      passing: { text: r.docs.passing.text, format: r.docs.passing.format ?? 'txt' },
    },
    options: r.options ? { defaults: r.defaultOptions ?? {}, schema: safeJsonSchema(r) } : null,
  }));
}

function safeJsonSchema(r: AnyRule): unknown {
  try {
    return r.options ? zod().toJSONSchema(r.options, { io: 'input' }) : null;
  } catch {
    return null;
  }
}
