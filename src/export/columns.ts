// The columns of `plan-lint export`, in ONE place: each column's key (also its English header),
// Chinese header, cell type, getter and, for a column of codes, the Chinese word for each code.
// CSV, XLSX and JSON read this table, so a field added here appears in every format with the
// same name. Under Chinese headers (the default) the values are Chinese too (约束性, ≥, 下降,
// 是/否); under English headers (`--lang en`) they are the model's codes (binding, ge, decrease,
// true/false).
import type { Analysis, IndicatorFacts, PlanFacts, TaskFacts } from '../model/analysis.js';
import { booleanZh, changeZh, comparatorZh, natureZh, planKindZh } from '../model/labels.js';
import type { Indicator, Plan, Task, Target } from '../model/schema.js';

export const exportKinds = ['indicators', 'tasks', 'projects'] as const;
export type ExportKind = (typeof exportKinds)[number];

/** One exported item with where it came from, and the facts the analysis made of it. */
export interface Row<T, F> {
  /** the source file as shown to people (relative to the working folder), `<stdin>` for `-` */
  file: string;
  plan: Plan;
  item: T;
  facts: F;
}

/** `date` cells hold YYYY-MM-DD strings here; XLSX turns them into real Excel dates. */
export type CellType = 'string' | 'number' | 'date' | 'boolean';
export type Cell = string | number | boolean | null;

export interface Column<T, F> {
  /** stable key; the header with `--lang en` */
  key: string;
  /** the header by default (`--lang zh`) */
  zh: string;
  type: CellType;
  get: (row: Row<T, F>) => Cell;
  /** a column of codes: the Chinese word for each code, shown under Chinese headers */
  zhValues?: Readonly<Record<string, string>>;
}

const joinUnits = (units: string[] | undefined) => (units && units.length ? units.join('、') : null);
/** "年均/累计：[13.5]；备注：…" — the further columns of the row, in table order */
const joinExtra = (extra: Record<string, string> | undefined) => {
  const entries = Object.entries(extra ?? {});
  return entries.length ? entries.map(([h, v]) => `${h}：${v}`).join('；') : null;
};
const joinTargets = (targets: Target[]) => (targets.length ? targets.map((t) => t.text).join('；') : null);
/** the canonical names of a task's units in one role, each once */
const canonicalUnits = (facts: TaskFacts, role: 'lead' | 'support') =>
  joinUnits([...new Set(facts.units.filter((u) => u.role === role).map((u) => u.canonical))]);

/** Columns every kind starts with: file, plan, line (the JSON lines carry `file` and `plan` too). */
function leading<T extends { id: string; span: Indicator['span'] }, F>(): Column<T, F>[] {
  return [
    { key: 'file', zh: '文件', type: 'string', get: (r) => r.file },
    { key: 'plan', zh: '规划', type: 'string', get: (r) => r.plan.title },
    { key: 'planKind', zh: '规划类型', type: 'string', get: (r) => r.plan.kind, zhValues: planKindZh },
    { key: 'line', zh: '行', type: 'number', get: (r) => r.item.span.start.line },
    { key: 'column', zh: '列', type: 'number', get: (r) => r.item.span.start.column },
    { key: 'id', zh: '编号', type: 'string', get: (r) => r.item.id },
  ];
}

export const indicatorColumns: Column<Indicator, IndicatorFacts>[] = [
  ...leading<Indicator, IndicatorFacts>(),
  { key: 'category', zh: '类别', type: 'string', get: (r) => r.item.category },
  { key: 'name', zh: '指标名称', type: 'string', get: (r) => r.item.name },
  { key: 'target', zh: '目标值', type: 'string', get: (r) => r.item.target.text },
  { key: 'comparator', zh: '比较', type: 'string', get: (r) => r.item.target.comparator, zhValues: comparatorZh },
  { key: 'value', zh: '数值', type: 'number', get: (r) => r.item.target.value },
  { key: 'unit', zh: '单位', type: 'string', get: (r) => r.item.target.unit },
  { key: 'change', zh: '变化方向', type: 'string', get: (r) => r.item.target.change, zhValues: changeZh },
  { key: 'note', zh: '备注', type: 'string', get: (r) => r.item.target.note },
  { key: 'nature', zh: '属性', type: 'string', get: (r) => r.item.nature, zhValues: natureZh },
  { key: 'baselineYear', zh: '基期年份', type: 'number', get: (r) => r.item.baseline?.year ?? null },
  { key: 'baseline', zh: '基期值', type: 'string', get: (r) => r.item.baseline?.text || null },
  { key: 'baselineValue', zh: '基期数值', type: 'number', get: (r) => r.item.baseline?.value ?? null },
  { key: 'extra', zh: '其他列', type: 'string', get: (r) => joinExtra(r.item.extra) },
];

export const taskColumns: Column<Task, TaskFacts>[] = [
  ...leading<Task, TaskFacts>(),
  { key: 'section', zh: '所属章节', type: 'string', get: (r) => (r.item.section.length ? r.item.section.join(' > ') : null) },
  { key: 'title', zh: '标题', type: 'string', get: (r) => r.item.title },
  { key: 'text', zh: '内容', type: 'string', get: (r) => r.item.text },
  { key: 'lead', zh: '牵头单位', type: 'string', get: (r) => joinUnits(r.item.owners?.lead) },
  { key: 'support', zh: '配合单位', type: 'string', get: (r) => joinUnits(r.item.owners?.support) },
  { key: 'owners', zh: '责任单位原文', type: 'string', get: (r) => r.item.owners?.text ?? null },
  // canonical names: one unit written two ways (区住建局 / 区住房和城乡建设局, or a configured
  // alias) is one name here; ownerUnit is the unit the task counts under (its first lead, else its
  // first support unit), as in the report's chart
  { key: 'ownerUnit', zh: '主责单位', type: 'string', get: (r) => r.facts.unit },
  { key: 'leadCanonical', zh: '牵头单位规范名', type: 'string', get: (r) => canonicalUnits(r.facts, 'lead') },
  { key: 'supportCanonical', zh: '配合单位规范名', type: 'string', get: (r) => canonicalUnits(r.facts, 'support') },
  { key: 'deadline', zh: '时限', type: 'string', get: (r) => r.item.deadline?.text ?? null },
  { key: 'deadlineDate', zh: '时限日期', type: 'date', get: (r) => r.item.deadline?.date ?? null },
  { key: 'deadlineInferred', zh: '时限为推定', type: 'boolean', get: (r) => r.item.deadline?.inferred ?? null },
  { key: 'targets', zh: '量化目标', type: 'string', get: (r) => joinTargets(r.item.targets) },
];

export interface KindSpec<T, F> {
  /** XLSX sheet name per language */
  sheet: { zh: string; en: string };
  columns: Column<T, F>[];
  items: (plan: Plan) => T[];
  facts: (plan: PlanFacts) => F[];
  /** what a JSON line adds to the model object, from the facts (canonical unit names) */
  extra?: (facts: F) => Record<string, unknown>;
}

const canonicalOwners = (f: TaskFacts) => ({
  canonicalOwners: f.units.length
    ? { lead: f.units.filter((u) => u.role === 'lead').map((u) => u.canonical), support: f.units.filter((u) => u.role === 'support').map((u) => u.canonical) }
    : null,
});

export const kindSpecs: { indicators: KindSpec<Indicator, IndicatorFacts>; tasks: KindSpec<Task, TaskFacts>; projects: KindSpec<Task, TaskFacts> } = {
  indicators: { sheet: { zh: '指标', en: 'indicators' }, columns: indicatorColumns, items: (p) => p.indicators, facts: (f) => f.indicators },
  tasks: { sheet: { zh: '任务', en: 'tasks' }, columns: taskColumns, items: (p) => p.tasks, facts: (f) => f.tasks, extra: canonicalOwners },
  projects: { sheet: { zh: '项目', en: 'projects' }, columns: taskColumns, items: (p) => p.projects, facts: (f) => f.projects, extra: canonicalOwners },
};

export type Lang = 'zh' | 'en';

/** What the writers get: headers, cell types, the typed cells, and the model objects behind them. */
export interface Table {
  kind: ExportKind;
  sheet: string;
  keys: string[];
  headers: string[];
  types: CellType[];
  rows: Cell[][];
  /** the model object of each row with `file` and `plan` (title) first, for JSON */
  objects: Record<string, unknown>[];
}

/** One analysed input: the file as shown to people and its analysis. */
export interface SourceDoc {
  file: string;
  analysis: Analysis;
}

/** A cell as shown under `lang` headers: a code in Chinese words under Chinese headers. */
function localized<T, F>(c: Column<T, F>, value: Cell, lang: Lang): Cell {
  if (lang === 'en' || value === null) return value;
  if (typeof value === 'boolean') return booleanZh(value);
  if (c.zhValues && typeof value === 'string') return c.zhValues[value] ?? value;
  return value;
}

function build<T, F>(kind: ExportKind, spec: KindSpec<T, F>, docs: SourceDoc[], lang: Lang): Table {
  const rows: Cell[][] = [];
  const objects: Record<string, unknown>[] = [];
  const [fileCol, planCol] = spec.columns;
  for (const doc of docs)
    doc.analysis.document.plans.forEach((plan, p) => {
      const facts = spec.facts(doc.analysis.facts.plans[p]);
      spec.items(plan).forEach((item, k) => {
        const row: Row<T, F> = { file: doc.file, plan, item, facts: facts[k] };
        rows.push(spec.columns.map((c) => localized(c, c.get(row), lang)));
        objects.push({ [fileCol.key]: fileCol.get(row), [planCol.key]: planCol.get(row), ...(item as object), ...spec.extra?.(facts[k]) });
      });
    });
  return {
    kind,
    sheet: spec.sheet[lang],
    keys: spec.columns.map((c) => c.key),
    headers: spec.columns.map((c) => (lang === 'en' ? c.key : c.zh)),
    // 是/否 are words, not Excel booleans
    types: spec.columns.map((c) => (lang === 'zh' && c.type === 'boolean' ? 'string' : c.type)),
    rows,
    objects,
  };
}

/** One table of every `kind` item over the documents, in file and plan order. */
export function exportTable(kind: ExportKind, docs: SourceDoc[], lang: Lang): Table {
  if (kind === 'indicators') return build(kind, kindSpecs.indicators, docs, lang);
  return build(kind, kindSpecs[kind], docs, lang);
}
