// The hand-written scans of the owner-clause reader give what the patterns they replace gave:
// checked against those patterns on the seeds' and real documents' lines and on random text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyRoleWordAtEnd, depthAt, depthFrom, findClauses, lastSentenceStart, mayHoldSentenceClause, mayOpenWithLabel, newClauseMemo, readClause } from '../../src/extract/clause.js';
import { endsSentence } from '../../src/extract/tasks.js';
import { PUNCT_EDGES, cleanUnit, looksLikeUnit, splitOutside, trimPunct } from '../../src/extract/units.js';
import { grammars } from '../../src/grammars/load.js';
import { foldKey } from '../../src/normalize/piece.js';
import { fixtureLines } from '../helpers/fixture-lines.js';
import { same, sameDeep } from '../helpers/same.js';

const lines = fixtureLines().filter(Boolean);

/** cleanUnit as the patterns wrote it before the hand-written scans */
function cleanUnitByPatterns(raw: string): string | null {
  const g = grammars().owners;
  let s = raw.replace(/[\s\u3000]+/g, '').replace(PUNCT_EDGES, '');
  if (/^(?:由|请|要求|并由)/.test(s)) s = s.replace(/^(?:由|请|要求|并由)/, '');
  const k = foldKey(s);
  const { exact, prefixes } = g.collectives;
  const kk = k.replace(/\s+/g, '');
  if (!(exact.has(kk) || prefixes.some((p) => kk.startsWith(p)))) {
    const m = g.trailingCollective.exec(k);
    if (m && m.index > 0) s = s.slice(0, m.index);
  }
  s = s.replace(PUNCT_EDGES, '');
  if (!s || s.length > 40) return null;
  if (/(?:^|\D)(?:19|20)\d{2}(?!\d)|^[\d.%]+\S{0,2}$/.test(s)) return null;
  return s;
}

/** the parts of the lines as the clause reader cuts them, and the lines themselves */
const pieces = lines.flatMap((l) => [l, ...l.split(/[、,;，；。（）()]/)]).filter((_, i) => i % 13 === 0);
const alphabet = [...'，、；：。！？,;:.!? \u3000\t市局委由请要求并等有关部门各县区2024年5%.（牵头）★'];

describe('trimPunct', () => {
  it('cuts what PUNCT_EDGES cuts', () => {
    for (const s of pieces) same(trimPunct(s), s.replace(PUNCT_EDGES, ''), s);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 10 }), (cs) => {
        const s = cs.join('');
        same(trimPunct(s), s.replace(PUNCT_EDGES, ''), s);
      }),
      { numRuns: 500 },
    );
  });
});

describe('cleanUnit', () => {
  it('reads every unit as the patterns did', () => {
    for (const s of pieces) same(cleanUnit(s), cleanUnitByPatterns(s), s);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }), (cs) => {
        const s = cs.join('');
        same(cleanUnit(s), cleanUnitByPatterns(s), s);
      }),
      { numRuns: 500 },
    );
  });

  it('reads the same with the unit\'s folded key handed in (the name\'s key cut from it)', () => {
    for (const s of pieces) same(cleanUnit(s, foldKey(s)), cleanUnitByPatterns(s), s);
    // traditional and full-width forms fold: the cut must stand where the name does
    const folding = [...alphabet, ...'關門區，：（）'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...folding), { maxLength: 12 }), (cs) => {
        const s = cs.join('');
        same(cleanUnit(s, foldKey(s)), cleanUnitByPatterns(s), s);
      }),
      { numRuns: 500 },
    );
  });

  it('still cuts spaces, edge marks, a leading 由 and a trailing collective, and rejects dates and figures', () => {
    expect(cleanUnit(' 由市 发展改革委， ')).toBe('市发展改革委');
    expect(cleanUnit('2023-2025年')).toBeNull();
    expect(cleanUnit('0.5分')).toBeNull();
    expect(cleanUnit('市12345热线中心')).toBe('市12345热线中心');
  });
});

describe('lastSentenceStart', () => {
  /** the last sentence's start as three lastIndexOf found it, -1 when over max */
  const byIndexOf = (body: string, max: number) => {
    const from = Math.max(body.lastIndexOf('。'), body.lastIndexOf('!'), body.lastIndexOf('?')) + 1;
    return body.length - from > max ? -1 : from;
  };

  it('finds the start the whole-text search found, looking at the last characters only', () => {
    for (const l of lines) {
      const k = foldKey(l);
      for (const max of [3, 60]) same(lastSentenceStart(k, max), byIndexOf(k, max), k);
    }
    fc.assert(
      fc.property(fc.array(fc.constantFrom('。', '!', '?', '市', '牵', '头', '，'), { maxLength: 80 }), fc.integer({ min: 0, max: 70 }), (cs, max) => {
        const s = cs.join('');
        same(lastSentenceStart(s, max), byIndexOf(s, max), s);
      }),
      { numRuns: 500 },
    );
  });
});

describe('readClause', () => {
  it('reads marked leads, and a list without a mark as support', () => {
    expect(readClause('市发展改革委（牵头）、市财政局', 'closing')?.fields).toEqual([
      { role: 'lead', units: ['市发展改革委'] },
      { role: 'support', units: ['市财政局'] },
    ]);
    expect(readClause('市自然资源局★、市生态环境局', 'closing')?.fields[0]).toEqual({ role: 'lead', units: ['市自然资源局'] });
    expect(readClause('牵头单位：市发展改革委、市财政局', 'closing')?.fields).toEqual([{ role: 'lead', units: ['市发展改革委', '市财政局'] }]);
  });
});

describe('endsSentence (tasks)', () => {
  const byPattern = (k: string) => /[。！？；!?;][”’"）)]*$/.test(k.trimEnd());
  it('tells a sentence end as the pattern did', () => {
    for (const l of lines) same(endsSentence(foldKey(l)), byPattern(foldKey(l)), l);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'。！？；!?;”’"）)市 \u3000\t'), { maxLength: 8 }), (cs) => {
        const s = cs.join('');
        same(endsSentence(s), byPattern(s), s);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the shortcuts of readClause', () => {
  const forms = ['sentence', 'bracket', 'closing', 'labelled'] as const;
  it('read every sentence and bracket of the seeds and real documents as the full reading does', () => {
    const texts = lines.flatMap((l) => [...l.split(/[。！？]/), ...[...l.matchAll(/[（(]([^（）()]{1,80})[）)]/g)].map((m) => m[1])]).filter((s, i) => s.trim().length >= 3 && (/牵头|负责|配合|落实|协助|参与|单位|部门|局|委|[★*]/.test(s) || i % 10 === 0));
    let clauses = 0;
    const differ: string[] = [];
    for (const s of texts) {
      for (const form of forms) {
        const full = readClause(s, form, undefined, false);
        if (full) clauses++;
        // compared as JSON: one assertion at the end instead of one per sentence (test time)
        if (JSON.stringify(readClause(s, form)) !== JSON.stringify(full)) differ.push(`${form}: ${s}`);
      }
    }
    expect(differ).toEqual([]);
    expect(clauses).toBeGreaterThan(100);
  });

  it('find the clauses of every line of the seeds and real documents through a plan\'s memo as reading each afresh does', () => {
    // every line twice, as one plan: the second time each bracketed clause comes from the memo
    const memo = newClauseMemo();
    const differ: string[] = [];
    const bracketed = lines.filter((l) => /[(（【[]/.test(l));
    for (const l of [...bracketed, ...bracketed]) {
      const key = foldKey(l);
      if (JSON.stringify(findClauses(l, key, memo)) !== JSON.stringify(findClauses(l, key))) differ.push(l);
    }
    expect(differ).toEqual([]);
    expect(memo.closing.size).toBeGreaterThan(50);
  });

  it('read random sentences and closing brackets of role words, unit names and prose as the full reading does', () => {
    const words = ['市发展改革委', '市财政局', '各区政府', '牵头', '负责', '配合', '参与', '按职责分工负责', '具体落实', '（牵头）', '★', '，', '、', '；', '加强', '协调', '各部门要', '2024年底前', '持续推进', ' ', '排在第一位的为牵头单位'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 8 }), (ws) => {
        const s = ws.join('');
        for (const form of ['sentence', 'closing'] as const) sameDeep(readClause(s, form), readClause(s, form, undefined, false), () => `${form}: ${s}`);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the owner-clause reader\'s quick tests', () => {
  it('passes every sentence the full reading takes as a clause, and tests its range of the key only', () => {
    // a sentence stands in a key between other text: only key[from, to) counts
    const check = (s: string) => {
      const k = foldKey(s);
      const full = readClause(s, 'sentence', undefined, false);
      if (full) same(mayHoldSentenceClause(`加强配合:${k}牵头`, 5, 5 + k.length), true, s);
      return full !== null;
    };
    const sentences = lines.flatMap((l) => l.split(/[。！？]/)).filter((s) => s.trim().length >= 3);
    let clauses = 0;
    for (const s of sentences) if (check(s)) clauses++;
    const words = ['市发展改革委', '市财政局', '各区政府', '牵头', '负责', '配合', '参与', '按职责分工负责', '具体落实', '（牵头）', '★', '，', '、', '；', '：', '牵头单位：', '加强', '2024年底前', ' ', '排在第一位的为牵头单位'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 8 }), (ws) => {
        if (check(ws.join(''))) clauses++;
      }),
      { numRuns: 2000 },
    );
    expect(clauses).toBeGreaterThan(100);
    // none of those characters in the range: refused, whatever stands before and after it
    same(mayHoldSentenceClause('牵头：加强统筹推进（市财政局）', 3, 9), false, 'range');
    same(mayHoldSentenceClause('加强统筹推进', 0, 6), false, 'plain');
  });

  const bracketAlphabet = [...'()[]〔〕【】（）市局牵头：: ，'];

  it('carries the bracket depth forward as counting it again from the start does', () => {
    const check = (s: string, stops: number[]) => {
      let d = 0;
      let from = 0;
      for (const at of stops) {
        d = depthFrom(s, from, at, d);
        from = at;
        same(d, depthAt(s, at), () => `${s} @${at}`);
      }
    };
    for (const s of pieces) check(foldKey(s), [...foldKey(s).matchAll(/:/g)].map((m) => m.index!));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...bracketAlphabet), { maxLength: 30 }), fc.array(fc.nat(30), { maxLength: 6 }), (cs, at) => {
        const s = cs.join('');
        check(s, at.map((i) => Math.min(i, s.length)).sort((a, b) => a - b));
      }),
      { numRuns: 500 },
    );
  });

  it('lets a paragraph through wherever a label stands at its start or after a sentence break', () => {
    // every label the pattern finds, brackets not minded (a looser test than the trailing clause's)
    const opensWithLabel = (k: string) =>
      [...k.matchAll(new RegExp(grammars().owners.labelWithColon.source, 'gu'))].some((m) => {
        const before = k.slice(0, m.index + m[0].length - m[0].trimStart().length).trimEnd();
        return !before || /[。;；!！?？]$/.test(before);
      });
    let opening = 0;
    for (const l of lines) {
      const k = foldKey(l);
      if (opensWithLabel(k)) {
        opening++;
        same(mayOpenWithLabel(k), true, k);
      }
    }
    // prose, maybe a break, spaces, a label and its colon, more text
    const words = ['加强', '市局', '负责', '(', ')', '时间', '，', ':'];
    const text = fc.tuple(
      fc.array(fc.constantFrom(...words), { maxLength: 5 }),
      fc.constantFrom('', '。', ';', '!', '?', '，', '、'),
      fc.array(fc.constantFrom(' ', '\t', '\u3000'), { maxLength: 2 }),
      fc.constantFrom('牵头单位', '责任单位', '配合部门', '完成时限', '时间', '牵头', '备注', '加强'),
      fc.constantFrom(':', ' :', ''),
      fc.array(fc.constantFrom(...words), { maxLength: 3 }),
    );
    fc.assert(
      fc.property(text, ([a, stop, spaces, label, colon, b]) => {
        const k = [...a, stop, ...spaces, label, colon, ...b].join('');
        if (!opensWithLabel(k)) return;
        opening++;
        same(mayOpenWithLabel(k), true, k);
      }),
      { numRuns: 2000 },
    );
    // the comparison is not over misses only
    expect(opening).toBeGreaterThan(500);
    // and it is a test: a label after an opening bracket, or after a comma, opens no sentence (brackets
    // are not minded: a label after a break inside one passes)
    for (const k of ['加强统筹协调(责任单位:市发展改革委)。', '推进项目建设(牵头单位:市住建局、市财政局)', '确保按时完成,时间:2024年底']) same(mayOpenWithLabel(k), false, k);
  });

  it('rejects a part only where no role word of the grammar ends it', () => {
    const any = anyRoleWordAtEnd();
    expect(any).not.toBeNull();
    const words = grammars().owners.roleWords;
    const endsWithRoleWord = (k: string) => words.some((w) => w.re.test(k));
    let ending = 0;
    for (const s of pieces) {
      const k = foldKey(s).trim();
      same(any!.test(k), endsWithRoleWord(k), k);
      if (endsWithRoleWord(k)) ending++;
    }
    // the real text holds parts that end with a role word: the comparison is not over misses only
    expect(ending).toBeGreaterThan(10);
    const roleAlphabet = [...'分别共同牵头负责落实配合协助参与按照职责分工组织实施市局，'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...roleAlphabet), { maxLength: 14 }), (cs) => {
        const k = cs.join('');
        same(any!.test(k), endsWithRoleWord(k), k);
      }),
      { numRuns: 2000 },
    );
  });
});

/** splitOutside as it was written with Sets of brackets and of the pattern's characters */
function splitOutsideBySets(key: string, sep: RegExp): [number, number][] {
  const open = new Set([0x28, 0x5b, 0x3014, 0x3010, 0x300c, 0x300a, 0x201c]);
  const close = new Set([0x29, 0x5d, 0x3015, 0x3011, 0x300d, 0x300b, 0x201d]);
  const out: [number, number][] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) continue;
    if (open.has(c)) depth++;
    else if (depth > 0 && close.has(c)) depth--;
    else if (depth === 0 && sep.test(key[i])) {
      out.push([from, i]);
      from = i + 1;
    }
  }
  out.push([from, key.length]);
  return out;
}

describe('splitOutside by its table', () => {
  const seps = [grammars().owners.separators, /[,;。，；]/, /[、)]/];
  it('splits as the Sets did, a closing bracket that the pattern names too included', () => {
    const chars = [...'()[]〔〕【】「」《》“”（）、,;，；。市局牵头:：a \u3000'];
    for (const sep of seps) {
      for (const s of pieces) sameDeep(splitOutside(foldKey(s), sep), splitOutsideBySets(foldKey(s), sep), s);
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 12 }), (cs) => {
          const s = cs.join('');
          sameDeep(splitOutside(s, sep), splitOutsideBySets(s, sep), s);
        }),
        { numRuns: 500 },
      );
    }
  });
});

describe('looksLikeUnit', () => {
  /** as the patterns wrote it */
  const byPatterns = (unit: string) => {
    const k = foldKey(unit).replace(/\s+/g, '').replace(/[(][^()]*[)]$/, '');
    if (k.length < 2 || k.length > 30) return false;
    if (/[\d%。]/.test(k)) return false;
    const g = grammars().owners;
    return g.collectives.exact.has(k) || (g.unitEnding.test(k) && !g.notUnitEnding.test(k));
  };
  it('tells units as the patterns did', () => {
    for (const s of pieces) same(looksLikeUnit(s), byPatterns(s), s);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet, '(', ')', '（', '）', '政府', '中心'), { maxLength: 10 }), (cs) => {
        const s = cs.join('');
        same(looksLikeUnit(s), byPatterns(s), s);
      }),
      { numRuns: 1000 },
    );
  });
});
