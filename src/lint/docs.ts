// The rule documentation as `plan-lint rules`, SARIF help and the README print it, Ruff-style:
// What it does / Why is this bad? / Example / Use instead. Generated from the rule objects only.
import { zod } from '../util/zod.js';
import type { AnyRule, DefaultSeverity, Locale } from './types.js';

export function severityText(d: DefaultSeverity, locale: Locale = 'en'): string {
  if (typeof d === 'string') return d;
  const byLevel = new Map<string, string[]>();
  for (const [kind, level] of Object.entries(d)) byLevel.set(level, [...(byLevel.get(level) ?? []), kind]);
  const parts = [...byLevel].map(([level, kinds]) => `${level} (${kinds.join(', ')})`);
  return locale === 'zh' ? parts.join('；') : parts.join('; ');
}

/** The lines where two example texts differ, with one line of context, numbered as in the file. */
export function exampleExcerpt(text: string, other: string): string {
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
  const from = Math.max(0, first - 1);
  const to = Math.min(a.length - 1, endA + 1);
  const width = String(to + 1).length;
  const lines: string[] = [];
  if (from > 0) lines.push(`${' '.repeat(width)} ┆ …`);
  for (let i = from; i <= to; i++) lines.push(`${String(i + 1).padStart(width)} │ ${a[i]}`);
  if (to < a.length - 1) lines.push(`${' '.repeat(width)} ┆ …`);
  return lines.join('\n');
}

function optionsText(rule: AnyRule): string | null {
  if (!rule.options) return null;
  return JSON.stringify(rule.defaultOptions ?? {});
}

/** Plain-text documentation of one rule. */
export function ruleHelpText(rule: AnyRule): string {
  const d = rule.docs;
  const parts = [
    `${rule.id} — ${d.summary.zh}`,
    `${d.summary.en}`,
    `Default severity: ${severityText(rule.defaultSeverity)}`,
  ];
  const o = optionsText(rule);
  if (o) parts.push(`Options (defaults): ${o}`);
  parts.push(
    '',
    'What it does',
    indent(d.what),
    '',
    'Why is this bad?',
    indent(d.why),
    '',
    `Example (reported at ${d.failing.reports.join(', ')})`,
    indent(exampleExcerpt(d.failing.text, d.passing.text)),
    '',
    'Use instead',
    indent(exampleExcerpt(d.passing.text, d.failing.text)),
  );
  return parts.join('\n');
}

/** Markdown documentation of one rule (SARIF help.markdown, docs). */
export function ruleHelpMarkdown(rule: AnyRule): string {
  const d = rule.docs;
  const o = optionsText(rule);
  return [
    `## ${rule.id}`,
    '',
    `${d.summary.zh} — ${d.summary.en}`,
    '',
    `Default severity: \`${severityText(rule.defaultSeverity)}\``,
    ...(o ? ['', `Options (defaults): \`${o}\``] : []),
    '',
    '### What it does',
    d.what,
    '',
    '### Why is this bad?',
    d.why,
    '',
    '### Example',
    '```text',
    exampleExcerpt(d.failing.text, d.passing.text),
    '```',
    '',
    '### Use instead',
    '```text',
    exampleExcerpt(d.passing.text, d.failing.text),
    '```',
  ].join('\n');
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
