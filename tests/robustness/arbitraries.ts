// fast-check generators for hostile plan text: random Unicode (CJK, full-width, astral code
// points, control characters, lone surrogates, every kind of line break) and random
// mutations of the real fixtures (lines deleted, duplicated, swapped, inserted; characters
// injected; cuts; full/half-width swaps; numbering prefixes, owner clauses, brackets and
// table-header words dropped in).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { htmlPage } from '../core/render.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixturesDir = path.join(root, 'fixtures');

/** Deterministic runs: a fixed seed (override with FC_SEED / FC_RUNS to explore). */
export const fcParams = (runs: number): fc.Parameters<unknown> => ({
  seed: Number(process.env.FC_SEED ?? 0x5eed_2025),
  numRuns: Number(process.env.FC_RUNS ?? runs),
});

const read = (...p: string[]) => readFileSync(path.join(fixturesDir, ...p), 'utf8');
const list = (dir: string, ext: string) =>
  readdirSync(path.join(fixturesDir, dir))
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => read(dir, f));

export type Format = 'txt' | 'md' | 'html';

/** Base texts per format: the seeds and minimal fixtures; HTML pages rendered from the Markdown ones. */
export function baseTexts(format: Format): string[] {
  const md = [...list('md', '.md'), ...list('minimal', '.md')];
  if (format === 'txt') return [...list('seeds', '.txt'), ...list('minimal', '.txt')];
  if (format === 'md') return md;
  return md.map((m) => htmlPage(m));
}

const chr = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCodePoint(c));

/** Fragments that look like plan structure: numbering, owner clauses, brackets, table words. */
export const numberingPrefixes = [
  '一、', '二、', '三、', '十二、', '（一）', '（二）', '(三)', '(十)', '1.', '2．', '3、', '(1)', '（2）', '1)',
  '①', '②', '第一章', '第五章 ', '第三节', '专栏1', '专栏 3', '重点工程', '附件1', '# ', '## ', '### ', '- ', '* ', '1. ', '> ',
];
export const ownerFragments = [
  '（责任单位：区应急管理局、区财政局）', '(责任单位:协调科、应急救援中心)', '（牵头单位：', '牵头单位：市应急局', '责任单位：',
  '（区应急局牵头，区公安分局、区消防救援大队等有关部门按照职责分工负责）', '牵头，', '等有关部门按职责分工负责）', '（責任單位：區應急管理局）',
  '牽頭', '责任领导：张三', '（各有关部门）', '各县(市、区)政府', '配合单位：', '、', '；', '等单位', '完成时限：2022年底前', '到2025年', '汛期前', '年底前', '规划期内',
];
export const brackets = ['（', '）', '(', ')', '【', '】', '《', '》', '〔', '〕', '“', '”', '[', ']', '<', '>', '「', '」', '<!--', '-->', '<!-- plan-lint-disable ', '`', '```', '|'];
export const tableWords = [
  '指标名称', '目标值', '属性', '约束性', '预期性', '约束指标', '预期指标', '序号', '类别', '2020年', '2025年', '单位', '现状值', '指标',
  '| 序号 | 指标名称 | 目标值 | 属性 |', '|---|---|---|---|', '| 1 | 死亡人数下降率 | ≤5% | 约束性 |', '应急能力(5项)', '<1%(5年平均)', '逐年下降',
  '<table><tr><td>指标</td><td>目标值</td></tr>', '<td>', '</td>', '<tr>', '</table>', '<td colspan="3">', '<td rowspan="999999">', 'XX', '20XX', '××', '某某', '待定', '2022424',
];

/** One "character" of hostile text (sometimes a multi-unit token). */
export const hostileUnit: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: chr(0x4e00, 0x9fff) }, // CJK
  { weight: 3, arbitrary: chr(0x20, 0x7e) }, // ASCII
  { weight: 2, arbitrary: chr(0xff01, 0xff5e) }, // full-width forms
  { weight: 1, arbitrary: chr(0x3000, 0x303f) }, // CJK punctuation, ideographic space
  { weight: 2, arbitrary: chr(0x10000, 0x10ffff) }, // astral: surrogate pairs
  { weight: 1, arbitrary: chr(0x20000, 0x2a6df) }, // CJK extension B
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) }, // lone surrogates
  { weight: 1, arbitrary: chr(0, 0x1f) }, // C0 controls, NUL
  { weight: 1, arbitrary: chr(0x7f, 0x9f) }, // DEL, C1 controls
  { weight: 3, arbitrary: fc.constantFrom('\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085', '\f', '\v', '\t', '\n\n') },
  { weight: 1, arbitrary: fc.constantFrom('\uFEFF', '\uFFFD', '\u200B', '\u200D', '\u202E', '\u0301', '\uFE0F', '\u00A0', '\u3000', '\uFFFF', '\uFFFE') },
  // up to three of any code point, lone surrogates included (fast-check's unit 'binary' says the
  // same but builds a table of all 1.1 M code points on first use: 1.6 s of every test run)
  { weight: 1, arbitrary: fc.string({ unit: chr(0, 0x10ffff), maxLength: 3 }) },
  { weight: 2, arbitrary: fc.constantFrom(...numberingPrefixes, ...ownerFragments, ...brackets, ...tableWords) },
);

export const hostileString = (maxLength = 300, size: fc.SizeForArbitrary = 'medium') => fc.string({ unit: hostileUnit, maxLength, size });

// --- mutations of fixture text, applied line by line ---------------------------------------

export type Mutation =
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'duplicate'; at: number; count: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'insertLine'; at: number; text: string }
  | { kind: 'inject'; at: number; pos: number; text: string }
  | { kind: 'cut'; at: number; pos: number; keep: 'head' | 'tail' }
  | { kind: 'width'; at: number; to: 'full' | 'half' }
  | { kind: 'prefix'; at: number; text: string }
  | { kind: 'indent'; at: number; text: string };

const structural = fc.constantFrom(...numberingPrefixes, ...ownerFragments, ...brackets, ...tableWords);
const fragment = fc.oneof({ weight: 3, arbitrary: structural }, { weight: 2, arbitrary: hostileString(20, 'small') });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 10 }) }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('insertLine' as const), at: fc.nat(), text: fc.array(fragment, { maxLength: 6 }).map((a) => a.join('')) }),
  fc.record({ kind: fc.constant('inject' as const), at: fc.nat(), pos: fc.nat(), text: fragment }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), pos: fc.nat(), keep: fc.constantFrom('head' as const, 'tail' as const) }),
  fc.record({ kind: fc.constant('width' as const), at: fc.nat(), to: fc.constantFrom('full' as const, 'half' as const) }),
  fc.record({ kind: fc.constant('prefix' as const), at: fc.nat(), text: fc.constantFrom(...numberingPrefixes, ...ownerFragments.slice(0, 5), ...tableWords.slice(0, 8)) }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), text: fc.constantFrom('  ', '    ', '\t', '\u3000\u3000', '> ', '- ', '  - ', '1. ') }),
);

const toFull = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');
const toHalf = (s: string) => s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

export function applyMutation(lines: string[], m: Mutation): string[] {
  const out = lines.slice();
  const n = out.length;
  if (n === 0) return m.kind === 'insertLine' ? [m.text] : out;
  const i = 'at' in m ? m.at % n : 0;
  switch (m.kind) {
    case 'delete':
      out.splice(i, m.count);
      break;
    case 'duplicate':
      out.splice(i, 0, ...out.slice(i, i + m.count));
      break;
    case 'swap': {
      const a = m.a % n;
      const b = m.b % n;
      [out[a], out[b]] = [out[b], out[a]];
      break;
    }
    case 'insertLine':
      out.splice(i, 0, m.text);
      break;
    case 'inject': {
      const p = m.pos % (out[i].length + 1);
      out[i] = out[i].slice(0, p) + m.text + out[i].slice(p);
      break;
    }
    case 'cut': {
      // cut the whole text at a point inside line i (may split a surrogate pair or a CRLF)
      const p = m.pos % (out[i].length + 1);
      if (m.keep === 'head') return [...out.slice(0, i), out[i].slice(0, p)];
      return [out[i].slice(p), ...out.slice(i + 1)];
    }
    case 'width':
      out[i] = m.to === 'full' ? toFull(out[i]) : toHalf(out[i]);
      break;
    case 'prefix':
    case 'indent':
      out[i] = m.text + out[i];
      break;
  }
  return out;
}

/** A fixture (or a window of its lines), mutated 0–8 times, joined with \n, \r\n or \r. */
export function mutatedFixture(format: Format): fc.Arbitrary<string> {
  const bases = baseTexts(format);
  return fc
    .record({
      base: fc.nat({ max: bases.length - 1 }),
      whole: fc.boolean(),
      from: fc.nat(),
      length: fc.integer({ min: 1, max: 150 }),
      mutations: fc.array(mutation, { maxLength: 8 }),
      eol: fc.constantFrom('\n', '\n', '\n', '\r\n', '\r'),
    })
    .map(({ base, whole, from, length, mutations, eol }) => {
      let lines = bases[base].split(/\r\n|\r|\n/);
      if (!whole) {
        const start = from % lines.length;
        lines = lines.slice(start, start + length);
      }
      for (const m of mutations) lines = applyMutation(lines, m);
      return lines.join(eol);
    });
}

/** Random text, shaped for the format: raw, or wrapped in a page / some Markdown. */
export function unicodeText(format: Format): fc.Arbitrary<string> {
  const s = hostileString(400);
  if (format === 'txt') return s;
  if (format === 'md')
    return fc.oneof(
      s,
      fc.tuple(s, s, s).map(([a, b, c]) => `# ${a}\n\n${b}\n\n| ${a} | ${c} |\n|---|---|\n| ${b} | ${c} |\n\n- ${c}\n  - ${a}\n`),
    );
  return fc.oneof(
    s,
    fc.tuple(s, s, s).map(([a, b, c]) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${a}</title></head><body><h1>${a}</h1><p>${b}</p><table><tr><td>${c}</td><td>${a}</td></tr><tr><td colspan="2">${b}</td></tr></table></body></html>`),
  );
}
