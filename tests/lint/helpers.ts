// Hand-built extraction results for unit tests of the rules, the engine and the reporters:
// spans are found by searching the given text, so positions are those of a real file.
import { buildFacts } from '../../src/analysis/facts.js';
import { lintWords } from '../../src/grammars/lint-words.js';
import type { InlineDirective } from '../../src/ingest/directives.js';
import { SourceText } from '../../src/ingest/source-text.js';
import type { Analysis, HeadingInfo, IndicatorTableInfo, PlanAnalysis, SourceFile, TextBlock } from '../../src/model/analysis.js';
import type { Indicator, Owners, Plan, PlanDocument, PlanKind, Span, Task } from '../../src/model/schema.js';

export interface TaskSpec {
  /** text of the task as it stands in the file (its span) */
  find: string;
  title?: string | null;
  owners?: Partial<Owners> | null;
  deadline?: { text: string; date: string; inferred?: boolean } | null;
}
export interface IndicatorSpec {
  find: string;
  name: string;
  target: string;
  value?: number | null;
  nature?: 'binding' | 'expected' | null;
}
export interface HeadingSpec {
  find: string;
  scheme: string;
  level: number;
  value: number | null;
  label: string;
  parent?: number | null;
}
export interface TableSpec {
  find: string;
  hasNatureColumn?: boolean;
  groups?: { find: string; name: string; declared: number | null; indicatorIds: string[] }[];
}
export interface PlanSpec {
  /** the plan's title as it stands in the file; the plan runs to the next plan's title */
  title: string;
  kind?: PlanKind;
  period?: { start: number; end: number } | null;
  tasks?: TaskSpec[];
  projects?: TaskSpec[];
  indicators?: IndicatorSpec[];
  headings?: HeadingSpec[];
  tables?: TableSpec[];
}

/**
 * An analysis of `text` as extraction would give it for `plans` (facts derived by the real
 * facts builder); `directives` as a reader would give them.
 */
export function build(text: string, plans: PlanSpec[] = [], format: 'txt' | 'md' = 'txt', directives: InlineDirective[] = []): Analysis {
  const pos = new SourceText(text);
  let cursor = 0;
  const find = (needle: string, from = 0): Span => {
    const i = text.indexOf(needle, from);
    if (i < 0) throw new Error(`helpers.build: "${needle}" not in text`);
    return pos.span(i, i + needle.length);
  };
  const starts = plans.map((p) => {
    const s = find(p.title, cursor);
    cursor = s.start.offset + 1;
    return s.start.offset;
  });
  const planSpan = (i: number) => pos.span(starts[i], i + 1 < starts.length ? starts[i + 1] : text.length);
  const task = (t: TaskSpec, i: number, from: number): Task => ({
    id: String(i + 1),
    section: [],
    title: t.title === undefined ? null : t.title,
    text: t.find,
    owners: t.owners ? { lead: [], support: [], text: '', ...t.owners } : null,
    deadline: t.deadline ? { inferred: false, ...t.deadline } : null,
    targets: [],
    span: find(t.find, from),
  });
  const docPlans: Plan[] = plans.map((p, i) => {
    const from = starts[i];
    return {
      title: p.title,
      kind: p.kind ?? 'plan',
      period: p.period === undefined ? { start: 2021, end: 2025 } : p.period,
      baseYear: null,
      meta: { docNumber: null, issuer: null, written: null, published: null, indexNo: null },
      indicators: (p.indicators ?? []).map(
        (x, k): Indicator => ({
          id: `I${k + 1}`,
          name: x.name,
          category: null,
          target: { text: x.target, comparator: null, value: x.value ?? null, unit: null, change: null, note: null },
          nature: x.nature ?? null,
          baseline: null,
          extra: {},
          span: find(x.find, from),
        }),
      ),
      tasks: (p.tasks ?? []).map((t, k) => task(t, k, from)),
      projects: (p.projects ?? []).map((t, k) => task(t, k, from)),
      targets: [],
      span: planSpan(i),
    };
  });
  const blocks: TextBlock[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const body = line.replace(/\r$/, '');
    if (body.trim()) {
      let plan: number | null = null;
      starts.forEach((s, i) => {
        if (offset >= s) plan = i;
      });
      blocks.push({
        text: body,
        span: pos.span(offset, offset + body.length),
        plan,
        offsets: Array.from({ length: body.length }, (_, k) => offset + k),
      });
    }
    offset += line.length + 1;
  }
  const document: PlanDocument = {
    schemaVersion: 1,
    source: { path: 'test.txt', sha256: '0', encoding: 'utf-8', encodingNote: null, format },
    plans: docPlans,
  };
  const analyses: PlanAnalysis[] = plans.map((p, i) => ({
    span: planSpan(i),
    headings: (p.headings ?? []).map(
      (h): HeadingInfo => ({
        scheme: h.scheme,
        level: h.level,
        value: h.value,
        label: h.label,
        title: h.find,
        span: find(h.find, starts[i]),
        parent: h.parent ?? null,
      }),
    ),
    tables: (p.tables ?? []).map(
      (t): IndicatorTableInfo => ({
        header: [],
        hasNatureColumn: t.hasNatureColumn ?? true,
        hasTargetColumn: true,
        span: find(t.find, starts[i]),
        groups: (t.groups ?? []).map((g) => ({ name: g.name, declared: g.declared, indicatorIds: g.indicatorIds, span: find(g.find, starts[i]) })),
      }),
    ),
  }));
  const source: SourceFile = Object.assign(pos, { path: 'test.txt', encoding: 'utf-8', format, sha256: '0' });
  return { source, document, facts: buildFacts(document, analyses, source, lintWords()), blocks, directives };
}
