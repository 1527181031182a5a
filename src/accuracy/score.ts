// Scores an extraction against its gold annotation (fixtures/gold/FORMAT.md). The figures are
// those of the shared scoring tool the issues quote: task and project F1 by anchor matching,
// owner units F1, explicit deadlines, indicator fields, prose target recall, metadata.
import type { PlanDocument, Plan, Task } from '../model/schema.js';
import type { Gold, GoldIndicator, GoldPlan, GoldTargetT, GoldTask } from './gold.js';

/** [numerator, denominator] per counter */
export type Counts = Record<string, [number, number]>;

export interface DocScore {
  counts: Counts;
  /** one line per miss, extra or wrong field */
  notes: string[];
}

const norm = (s: unknown) => (s == null ? '' : String(s).normalize('NFKC').replace(/[\s\u3000]+/g, ''));
// anchors are matched without punctuation, so a lead phrase kept in `title` and cut from `text` still matches
const loose = (s: unknown) => norm(s).replace(/[\p{P}]/gu, '');
const alts = <T>(v: T | T[]) => (Array.isArray(v) ? v : [v]);
const eqAny = (sys: unknown, gold: unknown) =>
  alts(gold).some((g) => (g == null ? sys == null || sys === '' : norm(sys) === norm(g)));

function add(c: Counts, k: string, num: number, den: number): void {
  c[k] ??= [0, 0];
  c[k][0] += num;
  c[k][1] += den;
}

export function mergeCounts(into: Counts, from: Counts): Counts {
  for (const [k, [n, d]] of Object.entries(from)) add(into, k, n, d);
  return into;
}

function matchTasks(c: Counts, notes: string[], gold: GoldTask[], sys: Task[], label: string, sample: boolean) {
  const used = new Set<number>();
  const pairs: [GoldTask, Task | null][] = [];
  let cursor = 0;
  const hay = sys.map((t) => loose(t.title) + loose(t.text));
  for (const g of gold) {
    const a = loose(g.anchor);
    let hit = -1;
    for (let i = cursor; i < hay.length && hit < 0; i++) if (!used.has(i) && hay[i].includes(a)) hit = i;
    for (let i = 0; i < hay.length && hit < 0; i++) if (!used.has(i) && hay[i].includes(a)) hit = i;
    if (hit >= 0) {
      used.add(hit);
      cursor = hit + 1;
      pairs.push([g, sys[hit]]);
    } else {
      pairs.push([g, null]);
      notes.push(`miss ${label}: ${g.anchor}`);
    }
  }
  add(c, `${label}s.recall`, pairs.filter(([, s]) => s).length, gold.length);
  if (sample) return pairs;
  sys.forEach((t, i) => {
    const n = gold.filter((g) => loose(t.text).includes(loose(g.anchor))).length;
    if (n > 1) {
      add(c, `${label}s.merges`, 1, 0);
      notes.push(`merge ${label}: ${t.id} holds ${n} gold ${label}s`);
    }
    if (!used.has(i)) notes.push(`extra ${label}: ${t.id} ${norm(t.title || t.text).slice(0, 30)}`);
  });
  add(c, `${label}s.precision`, used.size, sys.length);
  return pairs;
}

function scoreOwners(c: Counts, notes: string[], pairs: [GoldTask, Task | null][], label: string) {
  for (const [g, s] of pairs) {
    if (!s) continue;
    const go = g.owners ?? null;
    const so = s.owners ?? null;
    add(c, 'owners.presence', (go == null) === (so == null) ? 1 : 0, 1);
    for (const role of ['lead', 'support'] as const) {
      const gs = new Set((go?.[role] ?? []).map(norm));
      const ss = new Set((so?.[role] ?? []).map(norm));
      let tp = 0;
      for (const u of ss) if (gs.has(u)) tp++;
      add(c, 'owners.tp', tp, 0);
      add(c, 'owners.sys', ss.size, 0);
      add(c, 'owners.gold', gs.size, 0);
      if (tp !== gs.size || tp !== ss.size) notes.push(`owners ${label} ${g.anchor} ${role}: gold [${[...gs]}] got [${[...ss]}]`);
    }
    const gd = g.deadline?.date ?? null;
    const sd = s.deadline && s.deadline.inferred === false ? s.deadline.date : null;
    if (gd) {
      add(c, 'deadlines.explicit', sd === gd ? 1 : 0, 1);
      if (sd !== gd) notes.push(`deadline ${label} ${g.anchor}: gold ${gd} got ${sd}`);
    } else if (sd) {
      add(c, 'deadlines.spurious', 1, 0);
      notes.push(`spurious deadline ${label} ${g.anchor}: ${sd}`);
    }
  }
}

function scoreIndicators(c: Counts, notes: string[], gold: GoldIndicator[], sys: Plan['indicators']) {
  const used = new Set<number>();
  let matched = 0;
  for (const g of gold) {
    let hit = sys.findIndex((s, i) => !used.has(i) && norm(s.name) === norm(g.name));
    if (hit < 0)
      hit = sys.findIndex(
        (s, i) => !used.has(i) && (norm(s.name).includes(norm(g.name)) || norm(g.name).includes(norm(s.name))) && norm(s.name).length > 3,
      );
    if (hit < 0) {
      notes.push(`miss indicator: ${g.name}`);
      continue;
    }
    used.add(hit);
    matched++;
    const s = sys[hit];
    const fields: [string, unknown, unknown][] = [
      ['category', s.category, g.category],
      ['nature', s.nature, g.nature],
      ['target.text', s.target?.text, g.target?.text],
      ['target.comparator', s.target?.comparator, g.target?.comparator],
      ['target.value', s.target?.value, g.target?.value],
      ['target.unit', s.target?.unit, g.target?.unit],
      ['target.change', s.target?.change, g.target?.change],
    ];
    for (const [k, sv, gv] of fields) {
      if (gv === undefined) continue;
      const ok = k === 'target.value' ? (gv == null ? sv == null : Number(sv) === Number(gv)) : eqAny(sv, gv);
      add(c, 'indicators.fields', ok ? 1 : 0, 1);
      if (!ok) notes.push(`field ${g.name} ${k}: gold ${JSON.stringify(gv)} got ${JSON.stringify(sv)}`);
    }
  }
  add(c, 'indicators.recall', matched, gold.length);
  add(c, 'indicators.precision', matched, sys.length);
  sys.forEach((s, i) => !used.has(i) && notes.push(`extra indicator: ${s.name}`));
}

function scoreTargets(c: Counts, notes: string[], gold: GoldTargetT[], plan: Plan) {
  const all = [...(plan.targets ?? [])];
  for (const t of [...(plan.tasks ?? []), ...(plan.projects ?? [])]) all.push(...(t.targets ?? []));
  for (const g of gold) {
    const ok = all.some(
      (t) => (norm(t.text).includes(norm(g.text)) || norm(g.text).includes(norm(t.text))) && (g.value == null || Number(t.value) === Number(g.value)),
    );
    add(c, 'targets.recall', ok ? 1 : 0, 1);
    if (!ok) notes.push(`miss target: ${g.text}`);
  }
}

function scoreMeta(c: Counts, notes: string[], g: GoldPlan, s: Plan | undefined) {
  const check = (k: string, sv: unknown, gv: unknown) => {
    if (gv === undefined) return;
    const ok = eqAny(sv, gv);
    add(c, 'meta', ok ? 1 : 0, 1);
    if (!ok) notes.push(`meta ${k}: gold ${JSON.stringify(gv)} got ${JSON.stringify(sv)}`);
  };
  check('title', s?.title, g.title);
  check('kind', s?.kind, g.kind);
  if (g.period !== undefined)
    check('period', s?.period ? `${s.period.start}-${s.period.end}` : null, g.period ? `${g.period.start}-${g.period.end}` : null);
  check('baseYear', s?.baseYear == null ? null : String(s.baseYear), g.baseYear == null ? g.baseYear : String(g.baseYear));
  for (const [k, v] of Object.entries(g.meta ?? {})) check(`meta.${k}`, (s?.meta as Record<string, unknown> | undefined)?.[k], v);
}

const EMPTY_PLAN = { indicators: [], tasks: [], projects: [], targets: [], meta: {} } as unknown as Plan;

/** Scores one document's extraction; `ruleIds` are the rules `check` reported on it (for expect/forbidDiagnostics). */
export function scoreDocument(gold: Gold, doc: PlanDocument | null, ruleIds: string[] = []): DocScore {
  const c: Counts = {};
  const notes: string[] = [];
  const sysPlans = doc?.plans ?? [];
  add(c, 'plans', Math.min(sysPlans.length, gold.plans.length), Math.max(sysPlans.length, gold.plans.length));
  if (sysPlans.length !== gold.plans.length) notes.push(`plans: gold ${gold.plans.length}, got ${sysPlans.length}`);
  gold.plans.forEach((gp, i) => {
    const sp = sysPlans[i];
    scoreMeta(c, notes, gp, sp);
    const p = sp ?? EMPTY_PLAN;
    scoreIndicators(c, notes, gp.indicators, p.indicators ?? []);
    scoreOwners(c, notes, matchTasks(c, notes, gp.tasks, p.tasks ?? [], 'task', gp.sample === true), 'task');
    scoreOwners(c, notes, matchTasks(c, notes, gp.projects, p.projects ?? [], 'project', gp.sample === true), 'project');
    scoreTargets(c, notes, gp.targets, p);
  });
  for (const r of gold.expectDiagnostics ?? []) {
    add(c, 'diagnostics', ruleIds.includes(r) ? 1 : 0, 1);
    if (!ruleIds.includes(r)) notes.push(`expected diagnostic missing: ${r}`);
  }
  for (const r of gold.forbidDiagnostics ?? []) {
    add(c, 'diagnostics', ruleIds.includes(r) ? 0 : 1, 1);
    if (ruleIds.includes(r)) notes.push(`forbidden diagnostic reported: ${r}`);
  }
  return { counts: c, notes };
}

export const FIGURES = [
  'plans',
  'meta',
  'indicators',
  'indicatorFields',
  'tasks',
  'taskMerges',
  'projects',
  'owners',
  'ownerPresence',
  'deadlines',
  'spuriousDeadlines',
  'targets',
  'diagnostics',
] as const;
export type Figure = (typeof FIGURES)[number];

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** The figures of some counts; null where nothing was there to score. */
export function figures(c: Counts): Record<Figure, number | null> {
  const r = (k: string) => (c[k] ? ratio(c[k][0], c[k][1]) : null);
  // nothing to find and nothing found: no figure (a document without projects scores no projects)
  const pr = (k: string) =>
    (c[`${k}.precision`]?.[1] ?? 0) + (c[`${k}.recall`]?.[1] ?? 0) > 0 ? f1(r(`${k}.precision`) ?? 1, r(`${k}.recall`) ?? 1) : null;
  const tp = c['owners.tp']?.[0] ?? 0;
  return {
    plans: r('plans'),
    meta: r('meta'),
    indicators: c['indicators.recall'] ? f1(r('indicators.precision') ?? 1, r('indicators.recall') ?? 1) : null,
    indicatorFields: r('indicators.fields'),
    tasks: pr('tasks'),
    taskMerges: c['tasks.merges']?.[0] ?? 0,
    projects: pr('projects'),
    owners: c['owners.tp'] ? f1(ratio(tp, c['owners.sys'][0]), ratio(tp, c['owners.gold'][0])) : null,
    ownerPresence: r('owners.presence'),
    deadlines: r('deadlines.explicit'),
    spuriousDeadlines: c['deadlines.spurious']?.[0] ?? 0,
    targets: r('targets.recall'),
    diagnostics: r('diagnostics'),
  };
}
