// The three outputs of `plan-lint diff`: text for a terminal, JSON for machines (every change
// carries every key, null where it does not apply), Markdown for a pull-request comment.
import { displayWidth, padEnd } from '../util/width.js';
import type { Change, DiffReport } from './compare.js';
import { changeKinds, kindLabel, subjectLabel, type ChangeKind, type Locale } from './kinds.js';

export const diffFormats = ['text', 'json', 'markdown'] as const;
export type DiffFormat = (typeof diffFormats)[number];

const words = {
  zh: {
    old: '旧',
    new: '新',
    none: '—',
    noChange: '无实质变化',
    changes: (n: number) => `${n} 处变化`,
    total: (n: number) => `共 ${n} 处变化`,
    line: (n: number) => `第${n}行`,
    oldLine: (n: number) => `原第${n}行`,
    binding: '约束性',
    expected: '预期性',
    lead: '牵头',
    support: '配合',
    lower: '越低越好',
    higher: '越高越好',
    sep: '、',
    colon: '：',
    paren: (s: string) => `（${s}）`,
    header: ['变化', '对象', '名称', '原', '新', '行'],
  },
  en: {
    old: 'old',
    new: 'new',
    none: '—',
    noChange: 'no changes in substance',
    changes: (n: number) => `${n} change${n === 1 ? '' : 's'}`,
    total: (n: number) => `${n} change${n === 1 ? '' : 's'} in all`,
    line: (n: number) => `line ${n}`,
    oldLine: (n: number) => `old line ${n}`,
    binding: 'binding',
    expected: 'expected',
    lead: 'lead',
    support: 'support',
    lower: 'lower is better',
    higher: 'higher is better',
    sep: ', ',
    colon: ': ',
    paren: (s: string) => ` (${s})`,
    header: ['change', 'subject', 'name', 'old', 'new', 'line'],
  },
} as const;

/** Where the texts differ, with a little context: "…邀请一批…" vs "…聘请一批…". */
export function excerpts(a: string, b: string, context = 6, max = 30): [string, string] {
  const x = [...a];
  const y = [...b];
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  let s = 0;
  while (s < x.length - p && s < y.length - p && x[x.length - 1 - s] === y[y.length - 1 - s]) s++;
  const cut = (chars: string[]) => {
    const from = Math.max(0, p - context);
    const to = Math.min(chars.length, chars.length - s + context);
    let mid = chars.slice(from, to);
    let tail = to < chars.length;
    if (mid.length > max) {
      mid = mid.slice(0, max);
      tail = true;
    }
    return (from > 0 ? '…' : '') + mid.join('') + (tail ? '…' : '');
  };
  return [cut(x), cut(y)];
}

const head = (s: string, n = 24) => {
  const chars = [...s];
  return chars.length > n ? chars.slice(0, n).join('') + '…' : s;
};

/** The old and new value of a change as people read them. */
function values(c: Change, locale: Locale): [string, string] {
  const w = words[locale];
  const none = w.none;
  switch (c.kind) {
    case 'weakened-nature':
    case 'strengthened-nature':
    case 'changed-nature': {
      const n = (v: string | null) => (v === 'binding' ? w.binding : v === 'expected' ? w.expected : none);
      return [n(c.old), n(c.new)];
    }
    case 'added-owner':
    case 'removed-owner':
    case 'lost-owner':
    case 'changed-owner': {
      const r = (v: string | null) => (v ? `${c.unit}${w.paren(v === 'lead' ? w.lead : w.support)}` : none);
      return [r(c.old), r(c.new)];
    }
    case 'later-deadline':
    case 'earlier-deadline':
    case 'changed-deadline': {
      const d = (text: string | null | undefined, date: string | null) => (date ? `${text}${w.paren(date)}` : none);
      return [d(c.oldText, c.old), d(c.newText, c.new)];
    }
    case 'reworded-task':
      return excerpts(c.old ?? '', c.new ?? '');
    case 'added-task':
    case 'removed-task':
      return [c.old ? head(c.old) : none, c.new ? head(c.new) : none];
    default:
      return [c.old ?? none, c.new ?? none];
  }
}

function subjectText(c: Change, locale: Locale): string {
  return c.id ? `${subjectLabel(c.subject, locale)} ${c.id}` : subjectLabel(c.subject, locale);
}

function nameText(c: Change, locale: Locale): string {
  if (c.direction) return `${c.name}${words[locale].paren(words[locale][c.direction])}`;
  return c.name;
}

function lineText(c: Change, locale: Locale): string {
  if (c.line !== null) return words[locale].line(c.line);
  if (c.oldLine !== null) return words[locale].oldLine(c.oldLine);
  return '';
}

function summaryText(report: DiffReport, locale: Locale): string {
  const w = words[locale];
  const parts = changeKinds.filter((k) => report.summary.byKind[k]).map((k) => `${kindLabel(k, k.endsWith('-task') ? 'task' : subjectOf(k), locale)} ${report.summary.byKind[k]}`);
  return parts.length ? `${w.total(report.summary.changes)}${w.colon}${parts.join(w.sep)}` : w.noChange;
}

function subjectOf(k: ChangeKind) {
  return k.endsWith('-plan') ? ('plan' as const) : ('indicator' as const);
}

const planName = (title: string) => `《${title}》`;

export function formatText(report: DiffReport, locale: Locale = 'zh'): string {
  const w = words[locale];
  const out: string[] = [`${w.old}${w.colon}${report.old}`, `${w.new}${w.colon}${report.new}`, ''];
  for (const plan of report.plans) {
    if (!plan.changes.length) {
      out.push(`${planName(plan.title)} ${w.noChange}`, '');
      continue;
    }
    out.push(`${planName(plan.title)} ${w.changes(plan.changes.length)}`);
    const labels = plan.changes.map((c) => kindLabel(c.kind, c.subject, locale));
    const width = Math.max(...labels.map(displayWidth));
    plan.changes.forEach((c, i) => {
      const [o, n] = values(c, locale);
      out.push(`  ${padEnd(labels[i], width)}  ${subjectText(c, locale)} ${nameText(c, locale)}${w.colon}${o} → ${n}  ${lineText(c, locale)}`.trimEnd());
    });
    out.push('');
  }
  out.push(summaryText(report, locale));
  return out.join('\n') + '\n';
}

/** Every change with every key (null where it does not apply), in a fixed order. */
function stableChange(c: Change) {
  return {
    kind: c.kind,
    subject: c.subject,
    id: c.id,
    name: c.name,
    old: c.old,
    new: c.new,
    line: c.line,
    oldLine: c.oldLine,
    unit: c.unit ?? null,
    direction: c.direction ?? null,
    oldText: c.oldText ?? null,
    newText: c.newText ?? null,
  };
}

export function formatJson(report: DiffReport): string {
  const shaped = {
    old: report.old,
    new: report.new,
    plans: report.plans.map((p) => ({ title: p.title, oldTitle: p.oldTitle, changes: p.changes.map(stableChange) })),
    summary: report.summary,
  };
  return JSON.stringify(shaped, null, 2) + '\n';
}

/** A table cell: no line breaks, pipes escaped, `<` as an entity so it never opens a tag. */
const cell = (s: string) => s.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;');

export function formatMarkdown(report: DiffReport, locale: Locale = 'zh'): string {
  const w = words[locale];
  const out: string[] = [
    `### plan-lint diff`,
    '',
    `${w.old} \`${report.old}\` → ${w.new} \`${report.new}\`${w.colon}**${summaryText(report, locale)}**`,
    '',
  ];
  for (const plan of report.plans) {
    if (!plan.changes.length) {
      out.push(`#### ${cell(planName(plan.title))}`, '', w.noChange, '');
      continue;
    }
    out.push(`#### ${cell(planName(plan.title))}${w.colon}${w.changes(plan.changes.length)}`, '');
    out.push(`| ${w.header.join(' | ')} |`, `|${w.header.map(() => '---').join('|')}|`);
    for (const c of plan.changes) {
      const [o, n] = values(c, locale);
      const line = c.line ?? c.oldLine;
      const shownLine = c.line === null && c.oldLine !== null ? w.oldLine(c.oldLine) : line === null ? '' : String(line);
      out.push(`| ${[kindLabel(c.kind, c.subject, locale), subjectText(c, locale), nameText(c, locale), o, n, shownLine].map(cell).join(' | ')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

export function formatDiff(report: DiffReport, format: DiffFormat, locale: Locale = 'zh'): string {
  if (format === 'json') return formatJson(report);
  if (format === 'markdown') return formatMarkdown(report, locale);
  return formatText(report, locale);
}
