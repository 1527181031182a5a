// Tasks and projects (SPEC "What a task is"): the leaves of the task part of a plan, split at
// lead-phrase paragraphs and at owner clauses that close pieces of one item.
import { grammars } from '../grammars/load.js';
import type { LineBlock } from '../ingest/blocks.js';
import type { Owners, PlanKind } from '../model/schema.js';
import { concat, foldKey, slice, startOffset, type Piece } from '../normalize/piece.js';
import { nodeTitle, type OutlineNode } from '../outline/tree.js';
import { findClauses, mergeOwners, readClauseLine } from './owners.js';

export interface TaskDraft {
  id: string;
  section: string[];
  title: string | null;
  piece: Piece;
  owners: Owners | null;
  project: boolean;
  /** a task table's 完成时限 cell */
  deadlineText?: string;
  /** where the task starts in the file: drafts from the outline and from tables are merged by it */
  start: number;
}

type Part = 'status' | 'goals' | 'tasks' | 'projects' | 'guarantee';

const squeeze = (s: string) => s.replace(/\s+/g, '');

export function classifyTop(title: string): Part | null {
  const s = grammars().sections;
  const t = squeeze(foldKey(title));
  if (isProjectTitle(t)) return 'projects';
  if (t.length <= 12 && s.guarantee.test(t)) return 'guarantee';
  if (t.length <= 25 && /任务|举措|重点工作|主要工作/.test(t) && !s.goals.test(t)) return 'tasks';
  if (t.length <= 25 && s.goals.test(t)) return 'goals';
  if (t.length <= 25 && s.status.test(t)) return 'status';
  return null;
}

export function isProjectTitle(title: string): boolean {
  const t = squeeze(foldKey(title));
  return t.length <= 14 && grammars().sections.projects.some((re) => re.test(t));
}

/** A paragraph opening with a short sentence of its own: "完善“两委五指十专”职能。…" */
export function leadPhrase(key: string): number {
  const stop = key.indexOf('。');
  if (stop <= 0 || stop > 30) return -1;
  if (/[,;:，；：]/.test(key.slice(0, stop))) return -1;
  return stop;
}

const headingText = (n: OutlineNode) => nodeTitle(n) ?? n.rest.text.slice(0, 20);

/** Is the node's own line a heading only (no body text run together with it)? */
const isPureHeading = (n: OutlineNode) => n.restKey.length <= 40 && !n.restKey.includes('。');

interface Unit {
  piece: Piece;
  key: string;
}

const unitOf = (b: LineBlock): Unit => ({ piece: b.piece, key: b.key });

export function idOf(path: OutlineNode[]): string {
  return path
    .map((n) => {
      // a box keeps its own name in ids, so 专栏2's first point (3.2.专栏2.1) never reads like item 3.2.2.1
      if (n.scheme === 'box') return `专栏${n.value ?? ''}`;
      if (n.value !== null) return String(n.value);
      const siblings = n.parent ? n.parent.children : [n];
      return String(siblings.indexOf(n) + 1);
    })
    .join('.');
}

function substantial(key: string): boolean {
  return (key.match(/[\p{Script=Han}A-Za-z0-9]/gu) ?? []).length >= 8;
}

/** Splits a leaf item into tasks. */
function leafTasks(node: OutlineNode, path: OutlineNode[], project: boolean, onlyOwned: boolean): TaskDraft[] {
  const baseId = idOf(path);
  const section = path.slice(0, -1).map(headingText);
  const itemTitle = nodeTitle(node);
  // a heading over a table only names the table: its rows are the tasks
  if (!node.body.length && node.tables && isPureHeading(node)) return [];
  const units: Unit[] = [];
  if (node.restKey && !(isPureHeading(node) && node.body.length)) units.push({ piece: node.rest, key: node.restKey });
  else if (node.restKey && !node.body.length) units.push({ piece: node.rest, key: node.restKey });
  const bodyStart = units.length;
  units.push(...node.body.map(unitOf));
  if (!units.length) return [];

  const drafts: { parts: Piece[]; owners: Owners[]; title: string | null }[] = [];
  const titleOf = (u: Unit, from = 0) => {
    const k = u.key.slice(from).trimStart();
    const stop = leadPhrase(k);
    return stop > 0 ? u.piece.text.slice(from).trimStart().slice(0, stop) : null;
  };

  const hasClauses = units.some((u) => readClauseLine(u.piece.text) || findClauses(u.piece.text, u.key).length);
  if (hasClauses) {
    let cur: { parts: Piece[]; owners: Owners[]; title: string | null } = { parts: [], owners: [], title: itemTitle };
    for (const u of units) {
      const lineOwners = readClauseLine(u.piece.text);
      if (lineOwners) {
        const target = cur.parts.length ? cur : drafts[drafts.length - 1] ?? cur;
        target.owners.push(lineOwners);
        target.parts.push(u.piece);
        continue;
      }
      let pos = 0;
      for (const hit of findClauses(u.piece.text, u.key)) {
        cur.parts.push(slice(u.piece, pos, hit.end));
        cur.owners.push(hit.owners);
        if (cur.title === null && drafts.length) cur.title = titleOf(u, pos);
        drafts.push(cur);
        cur = { parts: [], owners: [], title: null };
        pos = hit.end;
        while (pos < u.key.length && /[\s。.;；,，]/.test(u.key[pos])) {
          drafts[drafts.length - 1].parts.push(slice(u.piece, pos, pos + 1));
          pos++;
        }
      }
      if (pos < u.key.length) {
        if (!cur.parts.length && drafts.length) cur.title = titleOf(u, pos);
        cur.parts.push(slice(u.piece, pos));
      }
    }
    if (cur.parts.length) {
      const key = foldKey(concat(cur.parts).text);
      if (substantial(key) || !drafts.length) drafts.push(cur);
      else drafts[drafts.length - 1].parts.push(...cur.parts);
    }
  } else {
    const leads = project ? [] : units.map((u, i) => (i >= bodyStart && leadPhrase(u.key) > 0 ? i : -1)).filter((i) => i >= 0);
    if (leads.length >= 2) {
      for (let k = 0; k < leads.length; k++) {
        const from = leads[k];
        const to = k + 1 < leads.length ? leads[k + 1] : units.length;
        drafts.push({ parts: units.slice(from, to).map((u) => u.piece), owners: [], title: titleOf(units[from]) });
      }
    } else {
      drafts.push({ parts: units.map((u) => u.piece), owners: [], title: itemTitle ?? titleOf(units[0]) });
    }
  }

  // an item heading split into several tasks encloses them all; an item that is one task, or
  // whose own line already starts its first task, is not a heading of its tasks
  const enclosing = drafts.length > 1 && isPureHeading(node) && node.body.length > 0 && itemTitle !== null;
  const out: TaskDraft[] = [];
  drafts.forEach((d, i) => {
    const owners = mergeOwners(d.owners);
    if (onlyOwned && !owners) return;
    out.push({
      id: i === 0 ? baseId : `${baseId}#${i + 1}`,
      section: enclosing ? [...section, itemTitle!] : section,
      title: i === 0 ? d.title ?? itemTitle : d.title,
      piece: concat(d.parts, '\n'),
      owners,
      project,
      start: d.parts.length ? startOffset(d.parts[0]) : 0,
    });
  });
  return out;
}

function collect(node: OutlineNode, path: OutlineNode[], project: boolean, onlyOwned: boolean, out: TaskDraft[]): void {
  const isProject = project || grammars().sections.projectSchemes.has(node.scheme) || isProjectTitle(nodeTitle(node) ?? '');
  if (!node.children.length) {
    out.push(...leafTasks(node, path, isProject, onlyOwned));
    return;
  }
  for (const c of node.children) collect(c, [...path, c], isProject, onlyOwned, out);
}

/** Every task and project of a plan, in document order. */
export function extractTasks(root: OutlineNode, kind: PlanKind): TaskDraft[] {
  const out: TaskDraft[] = [];
  const assigns = kind === 'workPoints' || kind === 'taskBreakdown';
  let phase: 'before' | 'tasks' | 'after' = 'before';
  for (const top of root.children) {
    const part = classifyTop(nodeTitle(top) ?? top.restKey.slice(0, 25));
    if (part === 'guarantee') phase = 'after';
    if (phase === 'after') {
      if (assigns) collect(top, [top], false, true, out);
      continue;
    }
    if (part === 'status' || part === 'goals') {
      if (phase === 'tasks' && part === 'status') continue;
      if (assigns) collect(top, [top], false, true, out);
      continue;
    }
    phase = 'tasks';
    collect(top, [top], part === 'projects', false, out);
  }
  return out;
}
