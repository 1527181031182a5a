// The semantic diff of two revisions of a plan document: plans paired by title, indicators by
// name, tasks and projects by text similarity; then what changed in substance for each pair.
import type { Analysis, PlanFacts, TaskFacts } from '../model/analysis.js';
import type { Deadline, Indicator, Plan, Task } from '../model/schema.js';
import { foldKey } from '../normalize/piece.js';
import { directionOf, nameKey, type Direction } from './directions.js';
import type { ChangeKind, Subject } from './kinds.js';
import { diceOf, pairByKey, pairBySimilarity, profile } from './pairing.js';
import { compareTargets } from './targets.js';

export type Role = 'lead' | 'support';

export interface Change {
  kind: ChangeKind;
  subject: Subject;
  /** the item's id in the new revision (in the old one for a removed item) */
  id: string | null;
  /** indicator name, task title (or the start of its text), plan title */
  name: string;
  /**
   * old and new value: target text (target, indicator added/removed), nature (binding|expected),
   * task text (task added/removed/reworded), role of `unit` (owner kinds), deadline date
   * (deadline kinds), plan title (plan kinds); null where there is none
   */
  old: string | null;
  new: string | null;
  /** line in the new file (null for a removed item) and in the old file (null for an added one) */
  line: number | null;
  oldLine: number | null;
  /** owner kinds: the unit */
  unit?: string;
  /** target kinds: which way the indicator should move (null: not known) */
  direction?: Direction | null;
  /** deadline kinds: the deadline text as written (an inferred one reads 规划期末(…)) */
  oldText?: string | null;
  newText?: string | null;
}

export interface PlanDiff {
  title: string;
  /** the title in the old revision when it differs */
  oldTitle: string | null;
  changes: Change[];
}

export interface DiffReport {
  old: string;
  new: string;
  plans: PlanDiff[];
  summary: { plans: number; changes: number; byKind: Partial<Record<ChangeKind, number>> };
}

/** Letters and digits only, folded: what two spellings of one title or name share. */
const looseKey = (s: string) => foldKey(s).replace(/[^\p{L}\p{N}]/gu, '');

/** Similarity below this and two tasks are different tasks. */
export const TASK_SIMILARITY = 0.5;
/** Two tasks under one (non-trivial) title score at least this, whatever their text. */
const SAME_TITLE_SCORE = 0.75;

/** What a task says, without its owner clause and explicit deadline (reported on their own). */
export function taskKey(t: Task): string {
  let text = t.text;
  if (t.owners?.text) text = text.replace(t.owners.text, '');
  if (t.deadline && !t.deadline.inferred) text = text.replace(t.deadline.text, '');
  return looseKey(text);
}

/** Longest opening a task without a lead phrase is named by, before it is cut with "…". */
const NAME_LENGTH = 20;
/** A clause boundary this far in (or less) ends the name instead of a cut. */
const CLAUSE_REACH = 24;

/**
 * A task's name: its lead phrase, else the opening of its text — the whole text when short, the
 * first clause when it ends within reach, else the first NAME_LENGTH characters; a name that is
 * not the whole text ends in "…", so a cut never passes for the task's own words.
 */
export function shortName(t: Task): string {
  if (t.title) return t.title;
  const chars = [...t.text.trim()];
  if (chars.length <= CLAUSE_REACH) return chars.join('');
  const boundary = chars.slice(0, CLAUSE_REACH + 1).findIndex((c, i) => i >= 6 && /[，。；：,;:]/.test(c));
  return (boundary > 0 ? chars.slice(0, boundary) : chars.slice(0, NAME_LENGTH)).join('') + '…';
}
const lineOf = (x: { span: Task['span'] }) => x.span.start.line;

function indicatorChanges(old: Indicator[], now: Indicator[]): Change[] {
  const changes: Change[] = [];
  const p = pairByKey(old.map((i) => nameKey(i.name)), now.map((i) => nameKey(i.name)));
  const base = (i: Indicator, which: 'old' | 'new', o: Indicator | null = null) => ({
    subject: 'indicator' as const,
    id: i.id,
    name: i.name,
    line: which === 'new' ? lineOf(i) : null,
    oldLine: which === 'old' ? lineOf(i) : o ? lineOf(o) : null,
  });
  const perNew = new Map<number, Change[]>();
  for (const [a, b] of p.pairs) {
    const o = old[a];
    const n = now[b];
    const cs: Change[] = [];
    const direction = directionOf(n.name);
    const verdict = compareTargets(o.target, n.target, direction);
    if (verdict !== 'same')
      cs.push({ kind: `${verdict}-target`, ...base(n, 'new', o), old: o.target.text, new: n.target.text, direction });
    if (o.nature !== n.nature) {
      const kind: ChangeKind =
        o.nature === 'binding' && n.nature === 'expected' ? 'weakened-nature' : o.nature === 'expected' && n.nature === 'binding' ? 'strengthened-nature' : 'changed-nature';
      cs.push({ kind, ...base(n, 'new', o), old: o.nature, new: n.nature });
    }
    perNew.set(b, cs);
  }
  now.forEach((n, b) => {
    if (perNew.has(b)) changes.push(...perNew.get(b)!);
    else changes.push({ kind: 'added-indicator', ...base(n, 'new'), old: null, new: n.target.text });
  });
  for (const a of p.removed) changes.push({ kind: 'removed-indicator', ...base(old[a], 'old'), old: old[a].target.text, new: null });
  return changes;
}

/**
 * A task's units by their canonical names (facts: 区住建局 and 区住房和城乡建设局 are one unit),
 * each with its name as written and its role.
 */
function roles(facts: TaskFacts): Map<string, { unit: string; role: Role }> {
  const m = new Map<string, { unit: string; role: Role }>();
  // in written order, leads first; a unit named both as lead and as support is a lead
  for (const u of facts.units) {
    const k = looseKey(u.canonical);
    if (!m.has(k)) m.set(k, { unit: u.name, role: u.role });
  }
  return m;
}

const deadlineDate = (d: Deadline | null) => d?.date ?? null;

function taskPairChanges(o: Task, n: Task, of: TaskFacts, nf: TaskFacts, subject: Subject): Change[] {
  const cs: Change[] = [];
  const base = { subject, id: n.id, name: shortName(n), line: lineOf(n), oldLine: lineOf(o) };
  if (taskKey(o) !== taskKey(n) || looseKey(o.title ?? '') !== looseKey(n.title ?? ''))
    cs.push({ kind: 'reworded-task', ...base, old: o.text, new: n.text });
  const before = roles(of);
  const after = roles(nf);
  for (const [k, { unit, role }] of after) {
    const was = before.get(k);
    if (!was) cs.push({ kind: 'added-owner', ...base, unit, old: null, new: role });
    else if (was.role !== role) cs.push({ kind: 'changed-owner', ...base, unit, old: was.role, new: role });
  }
  for (const [k, { unit, role }] of before)
    if (!after.has(k)) cs.push({ kind: role === 'lead' ? 'lost-owner' : 'removed-owner', ...base, unit, old: role, new: null });
  const od = o.deadline;
  const nd = n.deadline;
  const dl = { oldText: od?.text ?? null, newText: nd?.text ?? null, old: deadlineDate(od), new: deadlineDate(nd) };
  if (od?.date && nd?.date && od.date !== nd.date) cs.push({ kind: od.date < nd.date ? 'later-deadline' : 'earlier-deadline', ...base, ...dl });
  else if (od && nd && od.date !== nd.date) cs.push({ kind: 'changed-deadline', ...base, ...dl });
  else if ((od === null) !== (nd === null) || (od && nd && od.inferred !== nd.inferred)) cs.push({ kind: 'changed-deadline', ...base, ...dl });
  return cs;
}

function taskChanges(old: Task[], now: Task[], oldFacts: TaskFacts[], nowFacts: TaskFacts[], subject: Subject): Change[] {
  const oldProfiles = old.map((t) => profile(taskKey(t)));
  const newProfiles = now.map((t) => profile(taskKey(t)));
  const sameTitle = (a: Task, b: Task) => {
    const ta = looseKey(a.title ?? '');
    return ta.length >= 4 && ta === looseKey(b.title ?? '');
  };
  const p = pairBySimilarity(
    old.length,
    now.length,
    (i, j) => {
      const s = diceOf(oldProfiles[i], newProfiles[j]);
      return sameTitle(old[i], now[j]) ? Math.max(s, SAME_TITLE_SCORE) : s;
    },
    TASK_SIMILARITY,
  );
  const pairedNew = new Map(p.pairs.map(([a, b]) => [b, a]));
  const changes: Change[] = [];
  now.forEach((n, b) => {
    const a = pairedNew.get(b);
    if (a !== undefined) changes.push(...taskPairChanges(old[a], n, oldFacts[a], nowFacts[b], subject));
    else changes.push({ kind: 'added-task', subject, id: n.id, name: shortName(n), old: null, new: n.text, line: lineOf(n), oldLine: null });
  });
  for (const a of p.removed) {
    const o = old[a];
    changes.push({ kind: 'removed-task', subject, id: o.id, name: shortName(o), old: o.text, new: null, line: null, oldLine: lineOf(o) });
  }
  return changes;
}

function planChanges(o: Plan, n: Plan, of: PlanFacts, nf: PlanFacts): Change[] {
  return [
    ...indicatorChanges(o.indicators, n.indicators),
    ...taskChanges(o.tasks, n.tasks, of.tasks, nf.tasks, 'task'),
    ...taskChanges(o.projects, n.projects, of.projects, nf.projects, 'project'),
  ];
}

/** What diff reads of a revision: its document and the facts made of it (canonical unit names). */
export type Revision = Pick<Analysis, 'document' | 'facts'>;

/** Diffs two revisions; `oldName`/`newName` are the files as shown in the report. */
export function diffDocuments(oldRev: Revision, nowRev: Revision, oldName: string, newName: string): DiffReport {
  const old = oldRev.document;
  const now = nowRev.document;
  const plans: PlanDiff[] = [];
  const byTitle = pairByKey(old.plans.map((p) => looseKey(p.title)), now.plans.map((p) => looseKey(p.title)));
  // plans whose titles differ pair in order of appearance
  const pairs = [...byTitle.pairs];
  const n = Math.min(byTitle.removed.length, byTitle.added.length);
  for (let k = 0; k < n; k++) pairs.push([byTitle.removed[k], byTitle.added[k]]);
  pairs.sort((a, b) => a[1] - b[1]);
  const planLine = (p: Plan) => p.span.start.line;
  for (const [a, b] of pairs) {
    const o = old.plans[a];
    const p = now.plans[b];
    const changes = planChanges(o, p, oldRev.facts.plans[a], nowRev.facts.plans[b]);
    const renamed = looseKey(o.title) !== looseKey(p.title);
    if (renamed)
      changes.unshift({ kind: 'renamed-plan', subject: 'plan', id: null, name: p.title, old: o.title, new: p.title, line: planLine(p), oldLine: planLine(o) });
    plans.push({ title: p.title, oldTitle: o.title !== p.title ? o.title : null, changes });
  }
  for (const b of byTitle.added.slice(n)) {
    const p = now.plans[b];
    plans.push({ title: p.title, oldTitle: null, changes: [{ kind: 'added-plan', subject: 'plan', id: null, name: p.title, old: null, new: p.title, line: planLine(p), oldLine: null }] });
  }
  for (const a of byTitle.removed.slice(n)) {
    const o = old.plans[a];
    plans.push({ title: o.title, oldTitle: o.title, changes: [{ kind: 'removed-plan', subject: 'plan', id: null, name: o.title, old: o.title, new: null, line: null, oldLine: planLine(o) }] });
  }
  const byKind: Partial<Record<ChangeKind, number>> = {};
  let total = 0;
  for (const p of plans)
    for (const c of p.changes) {
      byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
      total++;
    }
  return { old: oldName, new: newName, plans, summary: { plans: plans.length, changes: total, byKind } };
}
