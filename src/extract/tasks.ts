// Tasks and projects (SPEC "What a task is"): the leaves of the task part of a plan, split at
// lead-phrase paragraphs and at owner clauses that close pieces of one item.
import { grammars } from '../grammars/load.js';
import { firstChars, requiredChars } from '../grammars/prefilter-memo.js';
import type { LineBlock } from '../ingest/blocks.js';
import type { Owners, PlanKind } from '../model/schema.js';
import { concat, foldKey, offsetAt, slice, startOffset, type Piece } from '../normalize/piece.js';

/** Original offset of index i of a piece (its end for i at or past the end). */
const offsetIn = (p: Piece, i: number) => (i < p.text.length ? offsetAt(p, i) : p.end);
import { nodeTitle, walk, type OutlineNode } from '../outline/tree.js';
import { findClauses, newClauseMemo, resolveOwners, type Clause, type ClauseHit, type ClauseMemo, type Field } from './clause.js';
import { isTimeLimit } from './deadlines.js';
import { isSpace } from './units.js';
import { squeezeSpace as squeeze } from '../normalize/squeeze.js';

export interface TaskDraft {
  id: string;
  section: string[];
  title: string | null;
  piece: Piece;
  /** the folded text of `piece`, where the splitter has it (tasks of the outline; not of tables) */
  key?: string;
  owners: Owners | null;
  project: boolean;
  /** the time limit a clause or a task table's 完成时限 cell states, as written */
  deadlineText?: string;
  /** where the task starts in the file: drafts from the outline and from tables are merged by it */
  start: number;
  /** offsets of the owner clauses the task carries ([start, end) in the original file) */
  clauses: [number, number][];
  /** the owners came from a clause that closes the task's text (a line of its own or its last words) */
  closing: boolean;
}

type Part = 'status' | 'goals' | 'tasks' | 'projects' | 'guarantee';


export function classifyTop(title: string): Part | null {
  const s = grammars().sections;
  const t = squeeze(foldKey(title));
  if (isProjectTitle(t)) return 'projects';
  if (t.length <= 12 && s.guarantee.test(t)) return 'guarantee';
  if (t.length <= 25 && s.tasks.test(t) && !s.goals.test(t)) return 'tasks';
  if (t.length <= 25 && s.goals.test(t)) return 'goals';
  if (t.length <= 25 && s.status.test(t)) return 'status';
  return null;
}

export function isProjectTitle(title: string): boolean {
  return isProjectKey(foldKey(title));
}

/** isProjectTitle of a title already folded. */
function isProjectKey(k: string): boolean {
  // asked of every heading: a long one is told by counting, without squeezing it
  if (k.length > 14 && !fewWordChars(k, 14)) return false;
  const t = squeeze(k);
  if (t.length > 14) return false;
  const patterns = grammars().sections.projects;
  // (the patterns all stand at the start: a title whose first character none begins with is none)
  const first = projectStarts(patterns).first;
  return (first === null || first.test(t)) && patterns.some((re) => re.test(t));
}

/**
 * The characters the project-title patterns can begin with (firstChars, once per grammar), and
 * the same class as a sticky pattern, to test one position of a key.
 */
let projectFirst: { patterns: readonly RegExp[]; first: RegExp | null; at: RegExp | null } | null = null;
function projectStarts(patterns: readonly RegExp[]): { first: RegExp | null; at: RegExp | null } {
  if (projectFirst?.patterns !== patterns) {
    const first = firstChars(patterns);
    const at = first?.source.startsWith('^') ? new RegExp(first.source.slice(1), `${first.flags}y`) : null;
    projectFirst = { patterns, first, at };
  }
  return projectFirst;
}

/**
 * isProjectTitle(nodeTitle(n) ?? ''), the title's folded text read from the node's key: the
 * title is the start of the node's text, and a key folds its text one code unit for one.
 */
export function isProjectNode(n: OutlineNode): boolean {
  // asked of every node of the outline: one whose key's first character that is no whitespace
  // opens no project title is none (its title, squeezed, opens with that character or is empty;
  // no title is tested as '', which opens with none), told without its title
  const at = projectStarts(grammars().sections.projects).at;
  if (at !== null) {
    const k = n.restKey;
    let i = 0;
    while (i < k.length && isSpace(k.charCodeAt(i))) i++;
    at.lastIndex = i;
    if (!at.test(k)) return false;
  }
  const title = nodeTitle(n);
  if (title === null) return isProjectKey('');
  return isProjectKey(n.rest.text.startsWith(title) ? n.restKey.slice(0, title.length) : foldKey(title));
}

/** Does `k` hold at most `max` characters other than whitespace (squeeze(k).length <= max)? */
function fewWordChars(k: string, max: number): boolean {
  let n = 0;
  for (let i = 0; i < k.length; i++) if (!isSpace(k.charCodeAt(i)) && ++n > max) return false;
  return true;
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

/** Offset in `key` of a bracket left open at its end, or -1. */
function openBracketAt(key: string): number {
  const stack: number[] = [];
  for (let i = 0; i < key.length; i++) {
    const c = key[i];
    if (c === '(' || c === '【') stack.push(i);
    else if ((c === ')' || c === '】') && stack.length) stack.pop();
  }
  return stack.length ? stack[0] : -1;
}

/** Is there an opening bracket ( or 【 among the last `n` characters of `key` (at index >= length - n)? */
function opensNearEnd(key: string, n: number): boolean {
  for (let i = key.length - 1; i >= 0 && i >= key.length - n; i--) {
    const c = key.charCodeAt(i);
    if (c === 0x28 || c === 0x3010) return true;
  }
  return false;
}

/**
 * Joins a line that ends inside a bracket with the line that closes it: an owner clause the
 * page wrapped ("…（牵头部" / "门：市交通委、市水务局）").
 */
function joinWrappedClauses(units: Unit[]): Unit[] {
  // (most items join nothing: their units are returned as they are, not copied)
  let out: Unit[] | null = null;
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    const prev = out ? out[out.length - 1] : i > 0 ? units[i - 1] : undefined;
    // (a clause is short: lines are never chained into one long unit)
    // (a bracket left open near the end needs an opening bracket among the last 40 characters:
    // most lines have none there, and are not scanned whole)
    if (prev && prev.key.length <= 2000 && opensNearEnd(prev.key, 40)) {
      const open = openBracketAt(prev.key);
      const close = open >= 0 && prev.key.length - open <= 40 ? u.key.search(/[)】]/) : -1;
      if (open >= 0 && prev.key.length - open <= 40 && close >= 0 && close <= 200 && !/[(【]/.test(u.key.slice(0, close))) {
        out ??= units.slice(0, i);
        out[out.length - 1] = { piece: concat([prev.piece, u.piece]), key: prev.key + u.key };
        continue;
      }
    }
    out?.push(u);
  }
  return out ?? units;
}

/** What the splitter collects for one task before it becomes a draft. */
interface Acc {
  parts: Piece[];
  /** the folded text of each part (a slice of its unit's key): the task's key without folding it again */
  keys: string[];
  fields: Field[];
  times: string[];
  clauseTexts: string[];
  clauses: [number, number][];
  firstLeads: boolean;
  title: string | null;
  closing: boolean;
  /** the task began a paragraph of its own (not the rest of one after a clause) */
  ownParagraph: boolean;
  /** a lead-phrase paragraph with no clause yet: a clause closing the paragraphs after it covers it too */
  awaiting: boolean;
  /** how many parts are text, not clause lines */
  content: number;
}

const newAcc = (title: string | null = null): Acc => ({
  content: 0,
  ownParagraph: false,
  awaiting: false,
  parts: [],
  keys: [],
  fields: [],
  times: [],
  clauseTexts: [],
  clauses: [],
  firstLeads: false,
  title,
  closing: false,
});

/** Reads owner clauses in order, remembering a stated convention ("排在第一位的为牵头单位，下同"). */
export interface ClauseContext {
  /** the convention that the first unit of a clause leads holds from this offset on */
  firstLeadsFrom: number;
  /** the plan's bracketed clauses read so far */
  readonly clauses: ClauseMemo;
}

function addClause(acc: Acc, c: Clause, span: [number, number], ctx: ClauseContext): void {
  if (c.firstLeads) ctx.firstLeadsFrom = Math.min(ctx.firstLeadsFrom, span[0]);
  acc.fields.push(...c.fields);
  if (c.time) acc.times.push(c.time);
  if (c.fields.length) {
    acc.clauseTexts.push(c.text);
    acc.clauses.push(span);
    if (span[0] >= ctx.firstLeadsFrom) acc.firstLeads = true;
  }
}

/**
 * A clause that stands before the item's text ("【责任单位：A】加强…") or inside its title, before
 * the first 。 of the item's own line, with the item's text after it: it owns the item, it does
 * not close a piece of it.
 */
function leadsItem(key: string, hit: ClauseHit, pos: number, ownLine: boolean): boolean {
  // (the marks before the text after it hold no word character: substantial() counts the same without cutting them)
  if (!substantial(key.slice(hit.end))) return false;
  if (onlySpaceOrColon(key, pos, hit.start)) return true;
  if (!ownLine || pos !== 0) return false;
  const stop = key.indexOf('。');
  return stop < 0 || hit.end <= stop + 1;
}

/** Is key[from, to) only whitespace and colons (/[\s:：]/; empty once they are removed)? */
function onlySpaceOrColon(key: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = key.charCodeAt(i);
    if (c !== 0x3a && c !== 0xff1a && !WHITE.test(key[i])) return false;
  }
  return true;
}
const WHITE = /\s/;

/** Is key[from..] only whitespace and the marks /[。.;；,，]/ (empty once they are removed)? */
function onlyStops(key: string, from: number): boolean {
  for (let i = from; i < key.length; i++) if (!STOP_OR_SPACE.test(key[i])) return false;
  return true;
}
const STOP_OR_SPACE = /[\s。.;；,，]/;

/** A time limit written right after a clause: "…（牵头单位：A）2024年6月底前完成。" → its end. */
function trailingTimeEnd(key: string, from: number): number {
  let i = from;
  while (i < key.length && /[\s,，;；]/.test(key[i])) i++;
  const stop = key.slice(i).search(/[。;；]/);
  const end = stop < 0 ? key.length : i + stop;
  if (end - i < 2 || end - i > 24) return -1;
  return isTimeLimit(key.slice(i, end)) ? end : -1;
}

export function idOf(path: OutlineNode[]): string {
  return path.map(idPart).join('.');
}

/** A node's own part of an id. */
function idPart(n: OutlineNode): string {
  // a box keeps its own name in ids, so 专栏2's first point (3.2.专栏2.1) never reads like item 3.2.2.1
  if (n.scheme === 'box') return `专栏${n.value ?? ''}`;
  if (n.value !== null) return String(n.value);
  const siblings = n.parent ? n.parent.children : [n];
  return String(siblings.indexOf(n) + 1);
}

/** Eight Han characters, letters or digits, counted without building the array of matches. */
const EIGHT_WORD_CHARS = /(?:[^\p{Script=Han}A-Za-z0-9]*[\p{Script=Han}A-Za-z0-9]){8}/u;

function substantial(key: string): boolean {
  return EIGHT_WORD_CHARS.test(key);
}

/**
 * Does the text end a sentence: /[。！？；!?;][”’"）)]*$/ on the text without its trailing
 * whitespace, read backwards from the end instead of tried at every position.
 */
export function endsSentence(key: string): boolean {
  let i = key.length - 1;
  while (i >= 0 && isSpace(key.charCodeAt(i))) i--;
  while (i >= 0 && '”’"）)'.includes(key[i])) i--;
  return i >= 0 && '。！？；!?;'.includes(key[i]);
}

/**
 * The folded text of concat(parts, sep), from the parts' keys: the separator stands where concat
 * puts it, between two parts that do not stand side by side in the file.
 */
function joinedKey(parts: Piece[], keys: string[], sep: string): string {
  // (most tasks are one part: their key is that part's)
  if (keys.length === 1) return keys[0];
  const fsep = foldKey(sep);
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (i > 0 && !(p.text.length && parts[i - 1].text.length && startOffset(p) === parts[i - 1].end)) out += fsep;
    out += keys[i];
  }
  return out;
}

/** The time limits the clauses of units [from, to) state, in order, joined as a draft's deadlineText (undefined: none). */
function timeTextOf(hitsOf: (readonly ClauseHit[])[], from: number, to: number): string | undefined {
  let out: string | undefined;
  for (let i = from; i < to; i++) for (const h of hitsOf[i]) if (h.clause.time !== null) out = out === undefined ? h.clause.time : `${out}，${h.clause.time}`;
  return out;
}

/** Does a clause found in the units name owners? */
function namesOwners(hitsOf: (readonly ClauseHit[])[]): boolean {
  for (const hits of hitsOf) for (const h of hits) if (h.clause.fields.length) return true;
  return false;
}

/** The draft of units [from, to) of an item none of whose clauses names owners. */
function plainDraft(units: Unit[], hitsOf: (readonly ClauseHit[])[], from: number, to: number, title: string | null, id: string, section: string[], project: boolean): TaskDraft {
  const first = units[from];
  let piece = first.piece;
  let key = first.key;
  if (to - from > 1) {
    const parts = piecesOf(units, from, to);
    piece = concat(parts, '\n');
    key = joinedKey(parts, keysOf(units, from, to), '\n');
  }
  // (the fields in the order leafTasks writes them: one shape for every draft)
  return { id, section, title, piece, key, owners: null, project, deadlineText: timeTextOf(hitsOf, from, to), start: startOffset(first.piece), clauses: [], closing: false };
}

/** The pieces and the keys of units [from, to), by a loop (no slice and map per task). */
function piecesOf(units: Unit[], from: number, to: number): Piece[] {
  const out: Piece[] = [];
  for (let i = from; i < to; i++) out.push(units[i].piece);
  return out;
}
function keysOf(units: Unit[], from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) out.push(units[i].key);
  return out;
}

/** The title of a unit's text from `from` on: its lead phrase, or null. */
function titleOf(u: Unit, from = 0): string | null {
  const k = u.key.slice(from).trimStart();
  const stop = leadPhrase(k);
  return stop > 0 ? u.piece.text.slice(from).trimStart().slice(0, stop) : null;
}

/** Where a clause found in a unit stands in the file: the clause itself, without its brackets. */
function spanOf(u: Unit, h: ClauseHit): [number, number] {
  const bracketed = /[(【[]/.test(u.key[h.start] ?? '');
  const from = bracketed ? h.start + 1 : h.start;
  let to = bracketed && /[)】\]]/.test(u.key[h.end - 1] ?? '') ? h.end - 1 : h.end;
  while (to > from && /[\s。.]/.test(u.key[to - 1])) to--;
  return [offsetIn(u.piece, from), offsetIn(u.piece, to - 1) + 1];
}

/** Splits a leaf item into tasks. (titleOf and spanOf stand outside it: no closures made per item.) */
function leafTasks(node: OutlineNode, baseId: string, section: string[], project: boolean, ctx: ClauseContext): TaskDraft[] {
  const itemTitle = nodeTitle(node);
  // a heading over a table only names the table: its rows are the tasks
  if (!node.body.length && node.tables && isPureHeading(node)) return [];
  const units: Unit[] = [];
  if (node.restKey && !(isPureHeading(node) && node.body.length)) units.push({ piece: node.rest, key: node.restKey });
  else if (node.restKey && !node.body.length) units.push({ piece: node.rest, key: node.restKey });
  const bodyStart = units.length;
  // "各位代表！" turns a speech to its next part: it and what follows it in this item are no task
  // so does a line opening an attachment or a roster (附件：…, 组  长：…)
  const s = grammars().sections;
  const salute = node.body.findIndex((b) => {
    const k = b.key.trim();
    return s.salutation.test(k) || s.attachmentBreak.test(k);
  });
  const bodyEnd = salute >= 0 ? salute : node.body.length;
  for (let i = 0; i < bodyEnd; i++) units.push(unitOf(node.body[i]));
  if (!units.length) return [];

  const drafts: Acc[] = [];
  const joined = joinWrappedClauses(units);
  const hitsOf = joined.map((u) => findClauses(u.piece.text, u.key, ctx.clauses));
  // the item's own line only titles the paragraphs under it
  let headed = false;
  if (namesOwners(hitsOf)) {
    let cur = newAcc(itemTitle);
    const close = () => {
      drafts.push(cur);
      cur = newAcc();
    };
    joined.forEach((u, ui) => {
      const hits = hitsOf[ui];
      // a line that is a clause of its own ("牵头单位：A", "完成时限：2024年底") belongs to the
      // task it follows, and ends it when it names units
      const whole = hits.length === 1 && hits[0].start === 0 && hits[0].end >= u.key.replace(/[。.\s]+$/, '').length;
      if (whole) {
        const h = hits[0];
        const target = cur.parts.length ? cur : drafts[drafts.length - 1] ?? cur;
        // lines under an item's heading, before its text ("牵头单位：A" then the paragraph): they
        // name the owners of what follows and end nothing
        const leading = target === cur && cur.content === 0 && ui < joined.length - 1;
        addClause(target, h.clause, spanOf(u, h), ctx);
        target.parts.push(u.piece);
        target.keys.push(u.key);
        if (h.clause.fields.length && !leading) target.closing = true;
        if (target === cur && h.clause.fields.length && !leading) close();
        return;
      }
      // a new paragraph opening with a lead phrase starts a task of its own ("智能化制造。…",
      // "网络化协同。…" under one item); a clause closing the last of them covers them all
      // (a paragraph the page broke mid-sentence, "…优化" / "上海…系统。…", goes on instead)
      const prevEnds = ui > 0 && endsSentence(joined[ui - 1].key);
      if (ui >= bodyStart && prevEnds && cur.parts.length && !cur.fields.length && leadPhrase(u.key) > 0 && cur.title !== null) {
        // an item's own line that is only its title ("13﹒开展新模式推广。") heads the paragraphs
        const titleOnly = cur.parts.length === 1 && ui === 1 && bodyStart === 1 && leadPhrase(joined[0].key) === joined[0].key.trimEnd().length - 1;
        if (titleOnly) {
          headed = true;
          cur = newAcc();
        } else {
          cur.awaiting = true;
          close();
        }
        cur.title = titleOf(u);
      }
      if (!cur.parts.length) cur.ownParagraph = true;
      let pos = 0;
      for (const hit of hits) {
        if (!hit.clause.fields.length) {
          // a time limit alone ("（2024年底前完成）") dates the task without ending it
          addClause(cur, hit.clause, spanOf(u, hit), ctx);
          continue;
        }
        if (leadsItem(u.key, hit, pos, ui === 0 && bodyStart === 1)) {
          // a clause that opens the item ("【责任单位：A】加强…") or closes its title
          // ("推进公路建设（县交通局）。加快…") names the owners of the whole item
          addClause(cur, hit.clause, spanOf(u, hit), ctx);
          continue;
        }
        let end = hit.end;
        const timeEnd = trailingTimeEnd(u.key, end);
        if (timeEnd > 0) {
          cur.times.push(u.piece.text.slice(u.key.slice(end).search(/\S/) + end, timeEnd).replace(/^[,，;；\s]+/, ''));
          end = timeEnd;
        }
        cur.parts.push(slice(u.piece, pos, end));
        cur.keys.push(u.key.slice(pos, end));
        cur.content++;
        addClause(cur, hit.clause, spanOf(u, hit), ctx);
        if (cur.title === null && drafts.length) cur.title = titleOf(u, pos);
        cur.closing = ui === joined.length - 1 && onlyStops(u.key, end);
        for (let k = drafts.length - 1; k >= 0 && drafts[k].awaiting && !drafts[k].fields.length; k--) {
          drafts[k].fields.push(...cur.fields);
          drafts[k].times.push(...cur.times);
          drafts[k].firstLeads = cur.firstLeads;
          drafts[k].clauseTexts.push(...cur.clauseTexts);
        }
        close();
        pos = end;
        while (pos < u.key.length && /[\s。.;；,，]/.test(u.key[pos])) {
          drafts[drafts.length - 1].parts.push(slice(u.piece, pos, pos + 1));
          drafts[drafts.length - 1].keys.push(u.key.slice(pos, pos + 1));
          pos++;
        }
      }
      if (pos < u.key.length) {
        if (!cur.parts.length && drafts.length) cur.title = titleOf(u, pos);
        cur.parts.push(slice(u.piece, pos));
        cur.keys.push(u.key.slice(pos));
        cur.content++;
      }
    });
    if (cur.parts.length) {
      const key = cur.keys.join('');
      const assigned = drafts.length > 0 && drafts.every((d) => d.fields.length);
      if (drafts.length && grammars().sections.closingRemark.test(key.trimStart())) {
        // "本方案各项任务纳入…": a remark on the whole document after the last assigned task
      } else if (assigned && cur.ownParagraph && cur.title === null) {
        // a paragraph with neither a clause nor a lead phrase after pieces that each carry their
        // own clause closes the item ("…制定具体实施细则"): it assigns no work of its own
      } else if (substantial(key) || !drafts.length) drafts.push(cur);
      else {
        const last = drafts[drafts.length - 1];
        last.parts.push(...cur.parts);
        last.keys.push(...cur.keys);
        last.times.push(...cur.times);
      }
    }
  } else {
    // no clause names owners (most items): the drafts are made straight from the units, with no
    // accumulator and, for a task of one unit, no arrays of its parts and keys
    const leads: number[] = [];
    if (!project) for (let i = bodyStart; i < joined.length; i++) if (leadPhrase(joined[i].key) > 0) leads.push(i);
    if (leads.length < 2) return [plainDraft(joined, hitsOf, 0, joined.length, itemTitle ?? titleOf(joined[0]), baseId, section, project)];
    const enclosing = isPureHeading(node) && node.body.length > 0 && itemTitle !== null;
    const inner = enclosing ? [...section, itemTitle!] : section;
    const out: TaskDraft[] = [];
    for (let k = 0; k < leads.length; k++) {
      const from = leads[k];
      const to = k + 1 < leads.length ? leads[k + 1] : joined.length;
      const title = titleOf(joined[from]);
      out.push(plainDraft(joined, hitsOf, from, to, k === 0 ? title ?? itemTitle : title, k === 0 ? baseId : `${baseId}#${k + 1}`, inner, project));
    }
    return out;
  }

  // an item heading split into several tasks encloses them all; an item that is one task, or
  // whose own line already starts its first task, is not a heading of its tasks
  const enclosing = drafts.length > 1 && (isPureHeading(node) || headed) && node.body.length > 0 && itemTitle !== null;
  const out: TaskDraft[] = [];
  drafts.forEach((d, i) => {
    // (no fields name no one: most tasks carry no clause, and their clause texts are not joined)
    const owners = d.fields.length ? resolveOwners(d.fields, d.firstLeads, d.clauseTexts.join(';')) : null;
    out.push({
      id: i === 0 ? baseId : `${baseId}#${i + 1}`,
      section: enclosing ? [...section, itemTitle!] : section,
      title: i === 0 ? d.title ?? itemTitle : d.title,
      // (one part is the piece itself: concat would copy it whole)
      piece: d.parts.length === 1 ? d.parts[0] : concat(d.parts, '\n'),
      key: joinedKey(d.parts, d.keys, '\n'),
      owners,
      project,
      deadlineText: d.times.length ? d.times.join('，') : undefined,
      start: d.parts.length ? startOffset(d.parts[0]) : 0,
      clauses: d.clauses,
      closing: d.closing,
    });
  });
  return out;
}

/**
 * One clause closing a list of sub-items ("(1)…(2)…(3)…" then "牵头单位：A") covers each of them,
 * when none of the items names owners of its own. The items' drafts are out[from..]; the last
 * item's begin at lastFrom.
 */
function coverList(out: TaskDraft[], from: number, lastFrom: number): void {
  // (the last item has no draft: nothing closes the list)
  if (out.length === lastFrom) return;
  const closer = out[out.length - 1];
  if (!closer.owners || !closer.closing) return;
  // every draft of the list but the closer, in order; none may name owners of its own
  const end = out.length - 1;
  if (end === from) return;
  for (let i = from; i < end; i++) if (out[i].owners) return;
  for (let i = from; i < end; i++) {
    const d = out[i];
    d.owners = { ...closer.owners, lead: [...closer.owners.lead], support: [...closer.owners.support] };
    d.deadlineText ??= closer.deadlineText;
  }
}

/**
 * Appends the drafts of a node and of the nodes under it to `out`, in order. `id` and `section`
 * say where the node stands: its id (idOf of its path) and the headings above it, built a step at
 * a time as the splitter descends (not again from the whole path at every leaf); `section` may be
 * shared by the drafts of several nodes: it is never changed. (One array for a whole part: no
 * array per node of its children's drafts, copied again at every level.)
 */
function collect(node: OutlineNode, id: string, section: string[], project: boolean, ctx: ClauseContext, out: TaskDraft[]): void {
  const schemes = grammars().sections.projectSchemes;
  const isProject = project || schemes.has(node.scheme) || isProjectNode(node);
  const children = node.children;
  if (!children.length) {
    for (const d of leafTasks(node, id, section, isProject, ctx)) out.push(d);
    return;
  }
  const inner = [...section, headingText(node)];
  const from = out.length;
  let lastFrom = from;
  for (const c of children) {
    lastFrom = out.length;
    collect(c, `${id}.${idPart(c)}`, inner, isProject, ctx, out);
  }
  if (children.length >= 2 && children.every((c) => !c.children.length)) coverList(out, from, lastFrom);
  // a box (专栏) stands beside the text of its section: a section of tasks holding only boxes
  // still has its own paragraphs as tasks
  if (!isProject && node.body.length && children.every((c) => schemes.has(c.scheme))) {
    const boxes = out.splice(from);
    for (const d of [...leafTasks(node, id, section, false, ctx), ...boxes].sort((a, b) => a.start - b.start)) out.push(d);
  }
}

type Phase = 'before' | 'tasks' | 'after';

const partOf = (n: OutlineNode) => classifyTop(nodeTitle(n) ?? n.restKey.slice(0, 25));

export interface PlanPart {
  node: OutlineNode;
  /** the node and the groupings above it, outermost first */
  path: OutlineNode[];
  part: Part | null;
  /** where the node stands: before the task part, in it, or after it (保障措施 on) */
  phase: Phase;
}

/**
 * The top-level parts of a plan in order, each with its kind and phase. A grouping before the
 * task part ("第一篇 开启新征程") whose chapters are the background and goals is read through: its
 * chapters are the plan's parts.
 */
export function planParts(root: OutlineNode): PlanPart[] {
  const out: PlanPart[] = [];
  let phase: Phase = 'before';
  const read = (nodes: OutlineNode[], path: OutlineNode[]) => {
    for (const node of nodes) {
      const part = partOf(node);
      if (part === null && phase === 'before' && node.children.some((c) => ['status', 'goals'].includes(partOf(c) ?? ''))) {
        read(node.children, [...path, node]);
        continue;
      }
      if (part === 'guarantee') phase = 'after';
      else if (phase !== 'after' && part !== 'status' && part !== 'goals') phase = 'tasks';
      out.push({ node, path: [...path, node], part, phase });
    }
  };
  read(root.children, []);
  return out;
}

/**
 * Every task and project of a plan, in document order. The task part runs from after the goals
 * to the guarantees; outside it, an item that carries its own owner clause is still a task.
 * `parts`: planParts(root), where the caller has them.
 */
export function extractTasks(root: OutlineNode, _kind: PlanKind, parts: PlanPart[] = planParts(root)): TaskDraft[] {
  const out: TaskDraft[] = [];
  const ctx = new LazyConvention(root);
  for (const { node, path, part, phase } of parts) {
    const from = out.length;
    collect(node, idOf(path), path.slice(0, -1).map(headingText), part === 'projects', ctx, out);
    // outside the task part, only the drafts that name owners
    const inTaskPart = phase === 'tasks' && part !== 'status' && part !== 'goals';
    if (!inTaskPart) {
      let kept = from;
      for (let i = from; i < out.length; i++) if (out[i].owners) out[kept++] = out[i];
      out.length = kept;
    }
  }
  return out;
}

/**
 * A ClauseContext whose convention is sought only when a clause asks for it: a plan with no
 * owner clause (more than half of them) is not scanned line by line for it.
 */
class LazyConvention implements ClauseContext {
  private from: number | undefined;
  readonly clauses = newClauseMemo();
  constructor(private readonly root: OutlineNode) {}
  get firstLeadsFrom(): number {
    return (this.from ??= conventionStart(this.root));
  }
  set firstLeadsFrom(at: number) {
    this.from = at;
  }
}

/** the characters a line must hold for the grammar's convention to match in it, read from the pattern */
let conventionQuick: { re: RegExp; quick: RegExp | null } | null = null;
const conventionTest = (re: RegExp) => {
  if (conventionQuick?.re !== re) conventionQuick = { re, quick: requiredChars(re.source, re.flags) };
  return conventionQuick.quick;
};

/** Where a plan states that the first unit of a clause leads ("排在第一位的为牵头单位，下同"). */
function conventionStart(root: OutlineNode): number {
  const re = grammars().owners.convention;
  const quick = conventionTest(re);
  let at = Number.POSITIVE_INFINITY;
  const look = (p: Piece, key: string) => {
    if (!quick || quick.test(key)) {
      const m = re.exec(key);
      if (m) at = Math.min(at, offsetIn(p, m.index));
    }
  };
  walk(root, (n) => {
    if (n.scheme !== 'root') look(n.line, n.lineKey);
    for (const b of n.body) look(b.piece, b.key);
  });
  return at;
}
