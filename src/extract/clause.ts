// Reads owner clauses the way a person does: "（牵头单位：A；责任单位：B、C）", "（A牵头，B、各街道配合，
// 2024年10月底前完成）", "（6月底完成，牵头考核单位：A、B）", "牵头单位：A" on a line of its own. The
// clause is cut into fields — at labels ("牵头单位：") and, where there is no label, into parts at
// ，；。 closed by a role word ("牵头", "配合", "按职责分工负责") or holding a time limit — and each
// field is then read as units or as a time limit. The phrasings are data in grammars/owners.yaml.
import { grammars } from '../grammars/load.js';
import type { Owners } from '../model/schema.js';
import { firstChars, requiredChars } from '../grammars/prefilter-memo.js';
import { foldKey } from '../normalize/piece.js';
import { isTimeLimit } from './deadlines.js';
import { dedupe, forEachOutside, isSpace, looksLikeUnit, splitOutside, unitsIf, unitsOf } from './units.js';

export type Role = 'lead' | 'responsible' | 'support' | 'assess' | 'time' | 'people' | 'note';

export interface Field {
  role: Role;
  units: string[];
}

export interface Clause {
  /** the fields that name units, in order */
  fields: Field[];
  /** the time limit the clause states, as written ("2024年10月底前", "持续推进"), or null */
  time: string | null;
  /** the clause as written (without its brackets) */
  text: string;
  /** the clause states the convention that its first unit leads ("排在第一位的为牵头单位") */
  firstLeads: boolean;
}

/**
 * How a clause stands: in brackets; in brackets closing a sentence (may hold bare unit names);
 * as text that opens with a label ("牵头单位：A"); as an unbracketed sentence of role words
 * closing a paragraph ("市发展改革委牵头，市财政局配合。"), which must name units only.
 */
export type ClauseForm = 'bracket' | 'closing' | 'labelled' | 'sentence';

function compiled() {
  const g = grammars().owners;
  return g;
}

const PART_BREAK = /[,;。，；]/;

/** A field label at `key[at]` ("牵头单位:"), or null. */
interface LabelHit {
  at: number;
  after: number;
  role: Role;
}

/** Labels (with their colon) standing outside brackets, in order. */
function labelsIn(key: string): LabelHit[] {
  const g = compiled();
  const out: LabelHit[] = [];
  if (key.indexOf(':') < 0) return out;
  const re = g.labelWithColon;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  // the bracket depth at `at`, carried forward from match to match (matches come in order: the
  // text is read once, not again from its start for every label)
  let depth = 0;
  let scanned = 0;
  while ((m = re.exec(key))) {
    const at = m.index + (m[0].length - m[0].trimStart().length);
    if (at < scanned) {
      depth = 0;
      scanned = 0;
    }
    depth = depthFrom(key, scanned, at, depth);
    scanned = at;
    if (depth > 0) continue;
    // a label is a label only at the start of a field: after a break or a space, or right after
    // the unit name that ends the field before it ("牵头单位：A局责任单位：B" once the space
    // between them is gone), not glued inside a word
    const b = endWithout(key, at, isSpace);
    if (b > 0 && b === at && !/[,;。，；:(（)）]/.test(key[b - 1]) && !(out.length && endsWithUnit(key.slice(Math.max(0, b - 12), b)))) continue;
    out.push({ at, after: m.index + m[0].length, role: g.roleOfLabel(m[1]) });
  }
  return out;
}

/** Does the text end in a unit's name ("…中心", "…局"), not in a word that merely ends so ("格局")? */
function endsWithUnit(s: string): boolean {
  const g = compiled();
  return g.unitEnding.test(s) && !g.notUnitEnding.test(s);
}

/** [。.\s]: what a clause's end sheds. */
const isStopOrSpace = (c: number) => c === 0x3002 || c === 0x2e || isSpace(c);

/** Where `s.slice(0, end)` ends once the run of characters `drop` accepts before `end` is cut (as .replace(/[…]+$/, '') would). */
function endWithout(s: string, end: number, drop: (c: number) => boolean): number {
  let e = end;
  while (e > 0 && drop(s.charCodeAt(e - 1))) e--;
  return e;
}

/** depthAt(key, at) from the depth `d` at `from` (depthAt(key, at) === depthFrom(key, 0, at, 0)). */
export function depthFrom(key: string, from: number, at: number, d: number): number {
  for (let i = from; i < at; i++) {
    const c = key[i];
    if (c === '(' || c === '[' || c === '〔' || c === '【') d++;
    else if ((c === ')' || c === ']' || c === '〕' || c === '】') && d > 0) d--;
  }
  return d;
}

export function depthAt(key: string, at: number): number {
  let d = 0;
  for (let i = 0; i < at; i++) {
    const c = key[i];
    if (c === '(' || c === '[' || c === '〔' || c === '【') d++;
    else if ((c === ')' || c === ']' || c === '〕' || c === '】') && d > 0) d--;
  }
  return d;
}

/** The role word closing a part ("A牵头" → lead), with where it starts. */
function roleWordAtEnd(key: string): { role: Role; at: number } | null {
  // most parts end with no role word: one joined scan tells, not one per role word
  const any = anyRoleWordAtEnd();
  if (any && !any.test(key)) return null;
  for (const w of compiled().roleWords) {
    const m = w.re.exec(key);
    if (m) return { role: w.role, at: m.index };
  }
  return null;
}

/**
 * The role words of the grammar joined into one pattern anchored at the end: it matches where any
 * of them does. Null where they cannot be joined (a back-reference would change meaning).
 */
const roleEnds = new WeakMap<object, RegExp | null>();
export function anyRoleWordAtEnd(): RegExp | null {
  const g = compiled();
  let re = roleEnds.get(g);
  if (re === undefined) roleEnds.set(g, (re = joinedAtEnd(g.roleWords.map((w) => w.re), '$')));
  return re;
}

/**
 * Role-word patterns (each compiled as (?:…)$) joined into one, `tail` after the joined words
 * instead of their $. Null where they cannot be joined: none, flags that differ, or a
 * back-reference (its number would change meaning).
 */
function joinedAtEnd(words: RegExp[], tail: string): RegExp | null {
  const joinable = words.length > 0 && words.every((w) => w.source.endsWith('$') && w.flags === words[0].flags && !/\\[1-9]|\\k</.test(w.source));
  return joinable ? new RegExp(`(?:${words.map((w) => w.source.slice(0, -1)).join('|')})${tail}`, words[0].flags.replace(/[gy]/g, '')) : null;
}

/** A text and its folded key (same length: an index into one is an index into the other). */
interface Keyed {
  text: string;
  key: string;
}

/** Both without [a, b). */
const cut = (t: Keyed, a: number, b: number): Keyed => ({ text: t.text.slice(0, a) + t.text.slice(b), key: t.key.slice(0, a) + t.key.slice(b) });

/** Removes a stated convention ("（排在第一位的为牵头单位，下同）") from a clause. */
function withoutConvention(t: Keyed): Keyed & { found: boolean } {
  const key = t.key;
  const convention = compiled().convention;
  if (!mayHold(convention, key) || !convention.test(key)) return { text: t.text, key, found: false };
  // the bracketed note that holds it, or the part (between separators) that holds it
  const br = /[(]([^()]*)[)]/g;
  let m: RegExpExecArray | null;
  while ((m = br.exec(key))) {
    if (compiled().convention.test(m[1])) return { ...cut(t, m.index, m.index + m[0].length), found: true };
  }
  for (const [a, b] of splitOutside(key, PART_BREAK)) {
    if (compiled().convention.test(key.slice(a, b))) return { ...cut(t, a, b), found: true };
  }
  return { text: t.text, key, found: true };
}

/** Units of a list where some are marked as lead: "市发展改革委（牵头）、市财政局". */
function markedLeads(text: string, key: string): { lead: string[]; rest: string[] } | null {
  const re = compiled().leadMark;
  // a marked unit holds a character of the mark (")", "★", read from the grammar's pattern, on
  // the folded key so that 牽頭 counts as 牵头): a list with none costs no unit cleaning
  if (!mayHold(re, key)) return null;
  const lead: string[] = [];
  const rest: string[] = [];
  for (const u of unitsOf(text, key)) {
    const m = re.exec(foldKey(u));
    if (m) lead.push(u.slice(0, m.index));
    else rest.push(u);
  }
  return lead.length ? { lead, rest } : null;
}

interface Part {
  text: string;
  /** the key of `text` as it stands */
  rawKey: string;
  /** the same, trimmed */
  key: string;
}

function partsOf(text: string, key: string): Part[] {
  const out: Part[] = [];
  forEachOutside(key, PART_BREAK, (a, b) => {
    const rawKey = key.slice(a, b);
    const trimmed = rawKey.trim();
    if (trimmed.length > 0) out.push({ text: text.slice(a, b), rawKey, key: trimmed });
  });
  return out;
}

/** [start, end) of `s` without the whitespace at its ends (as trim() cuts it). */
function trimmedRange(s: string): [number, number] {
  const end = s.trimEnd().length;
  return [end - s.slice(0, end).trimStart().length, end];
}

/**
 * Whether a bracket or a sentence can hold a clause at all: only labels, role words and marked
 * leads make one there, so a text with none of them is no clause (checked in one scan each
 * instead of reading every part).
 */
function maySignal(key: string, hasLabel: boolean): boolean {
  const any = compiled().anyRoleWord;
  return hasLabel || any === null || (mayHold(any, key) && any.test(key)) || mayHold(compiled().leadMark, key);
}

/**
 * Whether an unbracketed sentence without labels can say who leads, the one thing that makes it
 * a clause (readClause's last test): a lead or responsible field comes only from a part that
 * ends with a lead or responsible role word, or from a unit marked as the lead. One scan for
 * such a role word before a part break (brackets not minded: a looser test) and the marked-lead
 * test, instead of cutting and cleaning the units of every part; most last sentences that hold
 * a role word at all are prose ("各部门要加强协调配合").
 */
function maySayWhoLeads(key: string): boolean {
  const re = leadingRoleEnd();
  // (a text without a character every match of the joined words needs is not scanned with them)
  return re === null || (mayHold(re, key) && re.test(key)) || mayHold(compiled().leadMark, key);
}

/**
 * The lead and responsible role words of the grammar, at a part's end: followed only by spaces
 * and a part break or the text's end. Null where the patterns cannot be joined.
 */
const leadingRoleEnds = new WeakMap<object, RegExp | null>();
function leadingRoleEnd(): RegExp | null {
  const g = compiled();
  let re = leadingRoleEnds.get(g);
  if (re === undefined) {
    const words = g.roleWords.filter((w) => w.role === 'lead' || w.role === 'responsible').map((w) => w.re);
    leadingRoleEnds.set(g, (re = joinedAtEnd(words, `\\s*(?:${PART_BREAK.source}|$)`)));
  }
  return re;
}

/**
 * Whether `key` holds one of the characters every match of `re` holds (read from the pattern by
 * src/grammars/prefilter.ts, once per pattern): a cheap scan for one character class before the
 * pattern itself is tried at every position. True where the pattern gives no such test.
 */
const needsOf = new WeakMap<RegExp, RegExp | null>();
function mayHold(re: RegExp, key: string): boolean {
  let needs = needsOf.get(re);
  if (needs === undefined) needsOf.set(re, (needs = requiredChars(re.source, re.flags)));
  return needs === null || needs.test(key);
}

/**
 * Reads the content of a clause (without its brackets). `form` says how it stands: a bracket
 * that closes a sentence may hold bare unit names ("（市发展改革委、市财政局）"); any other
 * bracket needs a label or a role word. Returns null when the text is not a clause.
 * `contentKey` is the folded content, when the caller has it. (`prefilter`: false only in tests,
 * which check that the shortcuts never reject what the full reading accepts.)
 */
export function readClause(content: string, form: ClauseForm, contentKey?: string, prefilter = true): Clause | null {
  const g = compiled();
  const [from, to] = trimmedRange(content);
  if (from === to || to - from > g.maxLength) return null;
  const raw = content.slice(from, to);
  const rawKey = contentKey === undefined ? foldKey(raw) : contentKey.slice(from, to);
  // a sentence with no label (no colon), no lead or responsible role word closing a part and no
  // marked lead says nothing of who leads: no clause (the test below, made before the convention
  // is sought, where none can stand: cutting one out is all that could change the text)
  const told = form === 'sentence' && prefilter && rawKey.indexOf(':') < 0 && !mayHold(g.convention, rawKey);
  // (the stricter test first: of ~6,900 such sentences per 10 MB it refuses ~6,700, maySignal ~6,200)
  if (told && (!maySayWhoLeads(rawKey) || !maySignal(rawKey, false))) return null;
  // (most clauses state no convention: no objects built to say so)
  const conv = mayHold(g.convention, rawKey) && g.convention.test(rawKey) ? withoutConvention({ text: raw, key: rawKey }) : null;
  const text = conv ? conv.text : raw;
  const key = conv ? conv.key : rawKey;
  const labels = labelsIn(key);
  // (`told`: the two tests below already passed on this very key)
  const signalled = told || maySignal(key, labels.length > 0);
  if (!signalled && (form === 'bracket' || form === 'sentence')) return null;
  if (!told && form === 'sentence' && !labels.length && prefilter && !maySayWhoLeads(key)) return null;
  // the unlabelled text before the first label must be parts of a clause too
  const segments: { role: Role | null; from: number; to: number }[] = [];
  if (!labels.length || labels[0].at > 0) segments.push({ role: null, from: 0, to: labels.length ? labels[0].at : key.length });
  labels.forEach((l, i) => segments.push({ role: l.role, from: l.after, to: i + 1 < labels.length ? labels[i + 1].at : key.length }));

  const fields: Field[] = [];
  const times: string[] = [];
  let pending: string[] = [];
  let signals = labels.length; // labels and role words seen: what makes a bracket a clause
  let prose = false;
  // prose makes this text no clause whatever follows (the checks after the loop): stop reading
  const proseEnds = form === 'sentence' || form === 'labelled' || !labels.length;
  for (const seg of segments) {
    const segText = text.slice(seg.from, seg.to);
    const segKey = key.slice(seg.from, seg.to);
    if (seg.role === 'time') {
      const t = segText.trim().replace(/^[,;。，；:：\s]+|[,;。，；\s]+$/g, '');
      if (t) times.push(t);
      continue;
    }
    if (seg.role === 'people' || seg.role === 'note') continue;
    for (const part of partsOf(segText, segKey)) {
      if (isTimeLimit(part.key)) {
        times.push(part.text.trim());
        continue;
      }
      const rw = roleWordAtEnd(part.key);
      if (rw) {
        // "A★、B按职责分工负责": the marked unit leads, the others take the role word
        const marked = markedLeads(part.text.slice(0, rw.at), part.rawKey.slice(0, rw.at));
        // (an unlabelled sentence's units must all be names: read until the first that is not,
        // whose sentence is prose — unitsOf would clean every unit first)
        const units = marked
          ? [...marked.lead, ...marked.rest]
          : form === 'sentence' && seg.role === null
            ? (unitsIf(part.text.slice(0, rw.at), part.rawKey.slice(0, rw.at), isShortUnit) ?? [])
            : unitsOf(part.text.slice(0, rw.at), part.rawKey.slice(0, rw.at));
        // outside a labelled field, what stands before a role word must read as unit names:
        // "各部门要加强配合" is a sentence, "合肥海关负责" a clause
        const named =
          seg.role !== null || form === 'labelled'
            ? true
            : form === 'sentence'
              ? units.every(looksLikeUnit)
              : units.some(looksLikeUnit);
        if (!units.length || units.some((u) => u.length > 30) || !named) {
          prose = true;
          if (proseEnds) return null;
          continue;
        }
        signals++;
        if (marked && marked.rest.length) fields.push({ role: 'lead', units: marked.lead }, { role: rw.role === 'lead' ? 'support' : rw.role, units: [...pending, ...marked.rest] });
        else fields.push({ role: rw.role, units: [...pending, ...units] });
        pending = [];
        continue;
      }
      const marked = markedLeads(part.text, part.rawKey);
      if (marked) {
        signals++;
        fields.push({ role: 'lead', units: marked.lead }, { role: seg.role ?? 'support', units: marked.rest });
        continue;
      }
      if ((form === 'sentence' || (form === 'closing' && !signalled && prefilter)) && !seg.role) {
        // prose (a unit over 30 characters or a name that is no unit) ends a sentence's reading,
        // and that of a closing bracket with no label, role word or marked lead: such a bracket
        // is a clause only as a list of unit names (most are a sentence in brackets)
        const names = unitsIf(part.text, part.rawKey, isShortUnit);
        if (!names) return null;
        pending.push(...names);
        continue;
      }
      const units = unitsOf(part.text, part.rawKey);
      if (seg.role) {
        fields.push({ role: seg.role, units });
        continue;
      }
      if (units.some((u) => u.length > 30) || (form === 'sentence' && !units.every(looksLikeUnit))) {
        prose = true;
        if (proseEnds) return null;
      } else pending.push(...units);
    }
    if (seg.role === null && pending.length && labels.length) {
      // units before the first label with no role word of their own: unreadable, drop them
      pending = [];
    }
  }
  if (pending.length) {
    // units after the last role word take its role ("A牵头，B，C配合" is read above); a clause
    // with no role word at all is a bare list of units
    const last = fields[fields.length - 1];
    if (last) last.units.push(...pending);
    else if (form === 'closing' && !prose && pending.every(looksLikeUnit)) fields.push({ role: 'responsible', units: pending });
    else if (form === 'labelled') fields.push({ role: 'responsible', units: pending });
  }
  const named = fields.filter((f) => f.units.length);
  if (!named.length && !times.length) return null;
  if (form !== 'labelled' && !signals && !(form === 'closing' && named.length)) return null;
  if (prose && (!labels.length || form === 'labelled')) return null;
  // an unbracketed sentence is a clause only when it says who leads: "A牵头，B配合", "A负责"
  if (form === 'sentence' && (prose || !named.some((f) => f.role === 'lead' || f.role === 'responsible'))) return null;
  return { fields: named, time: times.length ? times.join('，') : null, text: raw, firstLeads: conv !== null && conv.found };
}

/** A unit name a sentence may hold: at most 30 characters, reading as a unit's name. */
const isShortUnit = (u: string) => u.length <= 30 && looksLikeUnit(u);

/**
 * The owners of a task from the fields of all its clauses. Labels decide; where no lead is
 * named, the responsible units lead, and under a stated convention the first of them does.
 */
export function resolveOwners(fields: Field[], firstLeads: boolean, text: string): Owners | null {
  // most tasks carry no clause: no fields name no one (the lists below would all be empty)
  if (!fields.length) return null;
  // the units of each role, in order, each once: one pass over the fields
  let lead: string[] = [];
  const responsible: string[] = [];
  let support: string[] = [];
  const assess: string[] = [];
  for (const f of fields) {
    const into = f.role === 'lead' ? lead : f.role === 'responsible' ? responsible : f.role === 'support' ? support : f.role === 'assess' ? assess : null;
    if (into) for (const u of f.units) if (!into.includes(u)) into.push(u);
  }
  if (lead.length) support = [...responsible, ...support];
  else if (firstLeads && responsible.length) {
    lead = responsible.slice(0, 1);
    support = [...responsible.slice(1), ...support];
  } else lead = responsible;
  if (!lead.length && !support.length) lead = assess;
  if (!lead.length && !support.length) return null;
  return { lead, support: dedupe(support).filter((u) => !lead.includes(u)), text };
}

export interface ClauseHit {
  /** index of the opening bracket or of the label */
  start: number;
  /** index just past the closing bracket (or the clause's end) */
  end: number;
  clause: Clause;
}

// ( 【 [ and their closers
const isOpener = (c: number) => c === 0x28 || c === 0x3010 || c === 0x5b;
const isCloser = (c: number) => c === 0x29 || c === 0x3011 || c === 0x5d;

/** what ends the sentence before a bracket that closes the next one, or before a trailing label ("…健全制度。牵头单位：A") */
const SENTENCE_BREAK = /[。;；!！?？]/;

/** Does a bracket at [open, close] close a sentence (so it may hold bare unit names)? */
function closesSentence(key: string, open: number, close: number): boolean {
  let j = close + 1;
  while (j < key.length && /\s/.test(key[j])) j++;
  const atEnd = j >= key.length || /[。;；]/.test(key[j]);
  let i = open - 1;
  while (i >= 0 && /\s/.test(key[i])) i--;
  // a bracket opening the text is a numbering label ("（一）…") unless it is the whole line
  if (i < 0) return atEnd;
  return atEnd || SENTENCE_BREAK.test(key[i]);
}

/**
 * A cheap look before reading a bracket: a clause has a label (its colon), a role word or a
 * marked lead (a character every match of the grammar's role words, or of its lead mark, holds:
 * read from the patterns, so that a role word added to owners.yaml is sought here too), or,
 * closing a sentence, ends like a unit name or holds a date or a time word.
 */
function mayBeClause(key: string, form: ClauseForm): boolean {
  const g = compiled();
  if (key.indexOf(':') >= 0 || g.anyRoleWord === null || mayHold(g.anyRoleWord, key) || mayHold(g.leadMark, key)) return true;
  if (form !== 'closing') return false;
  const last = key.replace(/[\s。.,，;；)]+$/, '').slice(-1);
  return g.unitEndingChars.has(last) || /[\d年月季]/.test(key) || g.timeWords.some((w) => key.includes(w));
}

/**
 * The bracketed clauses of one plan already read, by form and text: a plan repeats its clauses
 * (a task breakdown puts the same "（责任单位：…）" under many items: in the bench corpus nearly
 * half of the clauses closing a sentence repeat one earlier in their plan), and a clause reads
 * the same wherever it stands. Kept for one plan (tasks.ts), not across files.
 */
export interface ClauseMemo {
  closing: Map<string, Clause | null>;
  bracket: Map<string, Clause | null>;
}
export const newClauseMemo = (): ClauseMemo => ({ closing: new Map(), bracket: new Map() });

/** readClause of a bracket's content, through `memo` where one is given. */
function readBracket(content: string, form: 'closing' | 'bracket', key: string, memo: ClauseMemo | undefined): Clause | null {
  if (!memo) return readClause(content, form, key);
  const seen = memo[form];
  let clause = seen.get(content);
  if (clause === undefined) seen.set(content, (clause = readClause(content, form, key)));
  return clause;
}

/**
 * what findClauses looks for: a bracket that opens or closes; and, for the trailing clause, a
 * colon (a label's) and a dash ("——" before the unit names closing a text). One scan of the text
 * for all three, where each was a search of the whole text of its own.
 */
const SCANNED = /[()[\]【】:—]/g;

/**
 * Every clause in a text, in order: in outermost brackets, and an unbracketed labelled clause
 * that runs from a sentence break to the end ("…健全制度。牵头单位：A；配合单位：B。").
 * `key` is the folded text. Clauses that state only a time limit are included. `memo`: the
 * plan's clauses read so far.
 */
export function findClauses(text: string, key: string, memo?: ClauseMemo): readonly ClauseHit[] {
  // (most units hold no clause: one empty list for them all, not an array each)
  let hits: ClauseHit[] | null = null;
  let depth = 0;
  let open = -1;
  let colon = false;
  let lastDash = -1;
  // the characters sought are rare: the regex engine's scan for the next one, not a loop over
  // every character (one regex for every call: readClause, called inside the loop, never calls
  // findClauses) (test, not exec: each is one code unit, found just before lastIndex; no match
  // array is built for each)
  const scanned = SCANNED;
  scanned.lastIndex = 0;
  while (scanned.test(key)) {
    const i = scanned.lastIndex - 1;
    const c = key.charCodeAt(i);
    if (c === 0x3a) colon = true;
    else if (c === 0x2014) {
      if (key.charCodeAt(i + 1) === 0x2014) lastDash = i;
    } else if (isOpener(c)) {
      if (depth === 0) open = i;
      depth++;
    } else if (isCloser(c) && depth > 0) {
      depth--;
      if (depth > 0) continue;
      const form = closesSentence(key, open, i) ? 'closing' : 'bracket';
      if (i - open - 1 > compiled().maxLength) continue;
      const inner = key.slice(open + 1, i);
      if (!mayBeClause(inner, form)) continue;
      const clause = readBracket(text.slice(open + 1, i), form, inner, memo);
      if (clause) (hits ??= []).push({ start: open, end: i + 1, clause });
    }
  }
  let lastEnd = -1;
  if (hits) for (const h of hits) lastEnd = Math.max(lastEnd, h.end);
  const tail = trailingClause(text, key, lastEnd, colon, lastDash);
  if (tail && !hits?.some((h) => h.end > tail.start)) (hits ??= []).push(tail);
  return hits ?? NO_HITS;
}
const NO_HITS: readonly ClauseHit[] = [];

/**
 * An unbracketed clause closing the text: labelled, from a sentence break (or the start) to the
 * end ("…健全制度。牵头单位：A；配合单位：B。"), unit names after a dash ("…。——A、B"), or a last
 * sentence of role words ("…。A牵头，B配合。"). `lastEnd`: where the last bracketed clause found
 * ends; `colon`: whether the text holds a colon; `lastDash`: where its last "——" starts (-1: none).
 */
function trailingClause(text: string, key: string, lastEnd: number, colon: boolean, lastDash: number): ClauseHit | null {
  if (colon && mayOpenWithLabel(key))
    for (const l of labelsIn(key)) {
      const b = endWithout(key, l.at, isSpace);
      if (b > 0 && !SENTENCE_BREAK.test(key[b - 1])) continue;
      const content = text.slice(l.at, endWithout(text, text.length, isStopOrSpace));
      const clause = readClause(content, 'labelled', key.slice(l.at, l.at + content.length));
      if (clause) return { start: l.at, end: key.length, clause };
      break;
    }
  const bodyEnd = endWithout(key, key.length, isStopOrSpace);
  // a dash and nothing but unit names after it, closing the text: "…新增算力资源20%。——市大数据局"
  // (the stops and spaces cut from the body hold no dash: the text's last "——" is the body's)
  const maxLength = compiled().maxLength;
  const dash = bodyEnd - lastDash - 2 <= maxLength ? lastDash : -1;
  if (dash >= 0) {
    const clause = readClause(text.slice(dash + 2, bodyEnd), 'closing', key.slice(dash + 2, bodyEnd));
    if (clause && clause.fields.length) return { start: dash, end: key.length, clause };
  }
  // the last sentence, when it is short and made of role words. Two tests before it is sought:
  // a bracketed clause ending within its last 3 characters leaves no sentence of 3 or more after
  // it (the tests below: most paragraphs that hold a clause close with it); and its window (the
  // LAST_SENTENCE_MAX + 1 characters lastSentenceStart looks at, which hold the sentence) must
  // hold a character readClause needs to read any sentence as a clause
  if (lastEnd > bodyEnd - 3 || !mayHoldSentenceClause(key, Math.max(0, bodyEnd - LAST_SENTENCE_MAX - 1), bodyEnd)) return null;
  const body = key.slice(0, bodyEnd);
  const from = lastSentenceStart(body, LAST_SENTENCE_MAX);
  if (from < 0 || body.length - from > LAST_SENTENCE_MAX || body.length - from < 3) return null;
  // a bracketed clause already found there ("…。（A牵头，B配合）") keeps the place: the sentence,
  // found or not, would not be kept (findClauses), so it is not read
  if (lastEnd > from) return null;
  const clause = readClause(text.slice(from, body.length), 'sentence', key.slice(from, body.length));
  return clause && clause.fields.length ? { start: from, end: key.length, clause } : null;
}

/**
 * Whether a label can stand where trailingClause reads one: at the text's start or after a
 * sentence break, past spaces, a character some label begins with (read from the patterns by
 * src/grammars/prefilter.ts). One scan instead of labelsIn's, which tries every label at every
 * position of the paragraph: most paragraphs with a colon hold their labels in brackets
 * ("…（责任单位：A）"), where the trailing clause takes none. True where the labels' first
 * characters cannot be told.
 */
const labelOpeners = new WeakMap<object, RegExp | null>();
export function mayOpenWithLabel(key: string): boolean {
  const g = compiled();
  let re = labelOpeners.get(g);
  if (re === undefined) {
    // (firstChars gives /^[…]/: its class, after the start or a break and any spaces; a label
    // that may begin with a space is found too, \s* giving that space back to the class)
    const first = firstChars(g.labelStarts);
    labelOpeners.set(g, (re = first && new RegExp(`(?:^|${SENTENCE_BREAK.source})\\s*${first.source.slice(1)}`, first.flags)));
  }
  return re === null || re.test(key);
}

/**
 * Whether key[from, to) holds a character without which readClause reads no sentence as a
 * clause: a colon (a label's), a character the convention needs, or one that a lead or
 * responsible role word closing a part, or a marked lead, needs (readClause's first test for a
 * sentence, by the same characters). One scan of the key from `from`, no sentence cut out for
 * it; true where those characters cannot be told.
 */
export function mayHoldSentenceClause(key: string, from: number, to: number): boolean {
  const needs = sentenceNeeds();
  if (needs === null) return true;
  needs.lastIndex = from;
  // (the first such character from `from` on: inside the range when it ends there)
  return needs.test(key) && needs.lastIndex <= to;
}

/** The characters of mayHoldSentenceClause as one global class, once per grammar; null where one is unknown. */
const sentenceNeedsOf = new WeakMap<object, RegExp | null>();
function sentenceNeeds(): RegExp | null {
  const g = compiled();
  let re = sentenceNeedsOf.get(g);
  if (re === undefined) {
    const lead = leadingRoleEnd();
    const classes = lead === null ? [null] : [g.convention, lead, g.leadMark].map((p) => requiredChars(p.source, p.flags));
    // (each a class of requiredChars, [...]: their members joined into one class where all have the same flags)
    const joinable = classes.every((c) => c !== null && c.flags === classes[0]!.flags && /^\[[^^][\s\S]*\]$/.test(c.source));
    re = joinable ? new RegExp(`[:${classes.map((c) => c!.source.slice(1, -1)).join('')}]`, `${classes[0]!.flags}g`) : null;
    sentenceNeedsOf.set(g, re);
  }
  return re;
}

/** The longest last sentence read as a clause of role words. */
const LAST_SENTENCE_MAX = 60;

/**
 * Where the last sentence of a folded text starts (after its last 。 ! ?), or -1 when it is
 * longer than `max`: only the last max + 1 characters are looked at, not the whole paragraph.
 */
export function lastSentenceStart(body: string, max: number): number {
  const lim = Math.max(0, body.length - max - 1);
  for (let i = body.length - 1; i >= lim; i--) {
    const c = body.charCodeAt(i);
    if (c === 0x3002 || c === 0x21 || c === 0x3f) return i + 1;
  }
  // no break in the window: the sentence is the whole text, if that is short enough
  return body.length <= max ? 0 : -1;
}

/** Owners of a task-table row: the 牵头 column leads, the 配合 column supports. */
export function ownersFromCells(lead: string | null, support: string | null): Owners | null {
  const fields: Field[] = [];
  const read = (cell: string, role: Role) => {
    const c = readClause(cell, 'labelled');
    // a cell may itself say "A牵头，B配合"; a plain list takes the column's role
    for (const f of c?.fields ?? []) fields.push({ role: f.role === 'responsible' ? role : f.role, units: f.units });
  };
  if (lead) read(lead, 'lead');
  if (support) read(support, 'support');
  const text = [lead && `牵头:${lead.trim()}`, support && `配合:${support.trim()}`].filter(Boolean).join(';');
  const owners = resolveOwners(fields, false, text);
  // a table with only a support column filled names its units as the ones who act
  if (owners && !owners.lead.length) return { lead: owners.support, support: [], text };
  return owners;
}
