import type { HeadingInfo, SourceFile } from '../../model/analysis.js';
import { lazySchema } from '../../util/zod.js';
import { defineRule, type Fix } from '../types.js';
import { examplePlan } from './examples.js';

// built when options are configured or documented, never on a plain run (zod stays unloaded)
export const HeadingSequenceOptions = lazySchema((z) =>
  z.strictObject({
    /**
     * numbering schemes (ids of grammars/headings.yaml) numbered through the whole plan rather than
     * within each section; every other scheme starts again at 1 under each parent
     */
    runOn: z.array(z.string().min(1)).default(['box', 'arabic-dot', 'padded']),
  }),
);

const cn = '零一二三四五六七八九十';
/** A number written the way the sibling headings write theirs (3 → 三 for "一、" schemes). */
function asWritten(n: number, like: HeadingInfo): string {
  if (!/[一二三四五六七八九十]/.test(like.label)) return String(n);
  return chinese(n);
}

/** 1–99 in Chinese numerals, as outlines write them (十一, 二十). */
function chinese(n: number): string {
  if (n <= 10) return cn[n];
  if (n < 20) return '十' + (n % 10 ? cn[n % 10] : '');
  return cn[Math.floor(n / 10)] + '十' + (n % 10 ? cn[n % 10] : '');
}

/** The value of Chinese numerals up to 九十九 (两 = 二, 〇 = 零); NaN for anything else. */
function chineseValue(s: string): number {
  let total = 0;
  let unit: number | null = null;
  for (const ch of s.replace(/两/g, '二').replace(/〇/g, '零')) {
    const d = cn.indexOf(ch);
    if (ch === '十') {
      total += (unit ?? 1) * 10;
      unit = null;
    } else if (d >= 0 && d <= 9) unit = d;
    else return NaN;
  }
  return total + (unit ?? 0);
}

const numeral = /[零〇一二两三四五六七八九十]+|[0-9]+|[０-９]+/;
const fullWidthDigits = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/** Where a heading's number stands in the source and what it becomes, written the same way; null when it cannot be found as read. */
function renumbered(source: SourceFile, h: HeadingInfo, value: number): { start: number; end: number; text: string } | null {
  const at = source.text.indexOf(h.label, h.span.start.offset);
  if (at < 0 || at - h.span.start.offset > 8) return null;
  const m = numeral.exec(h.label);
  if (!m) return null;
  const written = m[0];
  let now: number;
  let text: string;
  if (/^[0-9]+$/.test(written)) [now, text] = [Number(written), String(value)];
  else if (/^[０-９]+$/.test(written)) [now, text] = [Number(written.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))), fullWidthDigits(String(value))];
  else [now, text] = [chineseValue(written), value < 100 ? chinese(value) : ''];
  if (now !== h.value || !text) return null;
  return { start: at + m.index, end: at + m.index + written.length, text };
}

/**
 * The fix of a skip or repeat at `group[k]`: the item and those after it at its level renumbered
 * to go on from the one before — only when nothing else is wrong after it (each later item
 * follows the one before as written), so that the renumbering is mechanical.
 */
function renumberFix(source: SourceFile, group: HeadingInfo[], k: number): Fix | undefined {
  const expected = group[k - 1].value! + 1;
  const delta = expected - group[k].value!;
  for (let i = k + 1; i < group.length; i++) if (group[i].value !== group[i - 1].value! + 1) return undefined;
  const edits = [];
  for (let i = k; i < group.length; i++) {
    const e = renumbered(source, group[i], group[i].value! + delta);
    if (!e) return undefined;
    edits.push(e);
  }
  const start = edits[0].start;
  const end = edits[edits.length - 1].end;
  let text = '';
  let at = start;
  for (const e of edits) {
    text += source.text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return { range: [start, end], text };
}

export const headingSequence = defineRule({
  id: 'heading-sequence',
  defaultSeverity: 'warn',
  fixable: true,
  get options() {
    return HeadingSequenceOptions();
  },
  defaultOptions: { runOn: ['box', 'arabic-dot', 'padded'] },
  messages: {
    skip: { zh: '编号“{label}”跳号：前一项是“{previous}”，缺少{missing}', en: 'Numbering skips at "{label}": the previous item is "{previous}", {missing} is missing' },
    repeat: { zh: '编号“{label}”重复', en: 'Numbering repeats: "{label}" twice' },
    backwards: { zh: '编号“{label}”顺序颠倒：前一项是“{previous}”', en: 'Numbering goes backwards at "{label}": the previous item is "{previous}"' },
    start: { zh: '编号从“{label}”开始，缺少{missing}', en: 'Numbering starts at "{label}"; {missing} is missing' },
  },
  docs: {
    summary: { zh: '同级编号跳号或重复（一、之后是三、；(二)出现两次）', en: 'Numbering that skips or repeats at one level (一、 then 三、; (二) twice)' },
    what: {
      zh: '报告同一上级下、同一层级中编号不接续的条目：跳号（一、之后是三、）、重号（(二)出现两次）或倒退。编号在每个上级下重新从1开始（二、下有(一)(二)后，三、下出现(三)会被报告），但整篇连续编号的方案除外：默认为专栏（专栏1……专栏7）和 1. 2. 式条目（许多规划的 1.……24. 贯穿各节，也有许多在每节重新编号），这类方案在新的上级下既可从1重新开始，也可接续上一节。选项 `runOn` 列出这类方案（`runOn: [box]` 使 1. 2. 在每节重新编号）。若某方案在两次及以上的换节处都接续编号（如中央文件在一、……八、下编(一)……(二十八)），视为有意贯穿全篇。--fix 会把跳号或重号的条目及同级其后的条目依次重新编号（二、之后的四、改为三、，五、改为四、……），前提是该层级没有其他问题；正文中的引用（“第三项”）不会改动。',
      en:
      'Reports an outline item whose number does not follow the previous item at the same level under the same parent: ' +
      'a skip (一、 then 三、), a repeat ((二) twice) or a step back. Numbering starts again under each parent ' +
      '((三) under 三、 after (一)(二) under 二、 is reported), except for the schemes numbered through the whole plan: ' +
      'boxes (专栏1 … 专栏7) and items numbered 1. 2. (many plans number them 1. … 24. through all sections, many ' +
      'start again in each) by default: under a new parent such a scheme may start again at 1 or go on from the ' +
      'previous section. Option `runOn` lists these schemes (`runOn: [box]` makes 1. 2. start again in every ' +
      'section). A scheme that goes on at every one of two or more section changes ((一)…(二十八) under 一、…八、, as ' +
      'central documents number them) is taken as numbered through the plan on purpose. --fix renumbers a skip or ' +
      'repeat and the items after it at that level (四、 after 二、 becomes 三、, 五、 becomes 四、 …), where nothing else ' +
      'is wrong at that level; references in the text ("第三项") are not changed.',
    },
    why: {
      zh: '跳号或重号通常意味着某一节被删掉或重复粘贴；文中的交叉引用（“第三项”）随之指错。',
      en: 'A skipped or doubled number usually means a section was deleted or pasted twice; cross-references ("第三项") then point to the wrong item.',
    },
    failing: {
      text: examplePlan({
        tasks: [
          '(一)健全应急指挥体系。完善区应急指挥部运行机制。(责任单位:区应急管理局)',
          '(三)加强监测预警。建设综合监测预警平台。(责任单位:区应急管理局、区气象局)',
        ],
      }),
      reports: ['21:1'],
    },
    passing: { text: examplePlan() },
  },
  create(ctx) {
    const runsOn = new Set(ctx.options.runOn);
    return {
      // the plan's headings read from its facts at its end, not one visitor call (and one node)
      // per heading: a run over the 10 MB corpus walks ~17,000 of them
      planExit({ index, facts }) {
        const headings = facts.headings.filter((h) => h.value !== null);
        if (!headings.length) return;
        // a scheme that goes on from the previous section at every one of two or more section
        // changes is numbered through the plan on purpose ((一)…(二十八) under 一、…八、)
        // each heading's scheme and group (parent, scheme, level), named once as small numbers
        const g = groupsOf(headings);
        const through = numberedThrough(headings, g).map((on, s) => on || runsOn.has(g.schemes[s]));
        const lastOfScheme = new Array<number | undefined>(g.schemes.length).fill(undefined);
        const lastInGroup = new Array<HeadingInfo | undefined>(g.count).fill(undefined);
        // one renumbering per group, offered with its first skip or repeat (--fix); the group's
        // headings gathered only then (most plans have no skip or repeat)
        const fixed = new Set<number>();
        const fixAt = (key: number, h: HeadingInfo) => {
          if (fixed.has(key)) return {};
          fixed.add(key);
          const group = headings.filter((_, j) => g.group[j] === key);
          const fix = renumberFix(ctx.source, group, group.indexOf(h));
          return fix ? { fix } : {};
        };
        // where a report stands, found only for the headings reported (most are in sequence)
        // (the span's points named, not spread: a spread and a field after it make a V8 map per object)
        const at = (h: HeadingInfo) => {
          const { start, end } = ctx.source.headSpan(h.span);
          return { start, end, plan: index };
        };
        for (let i = 0; i < headings.length; i++) {
          const h = headings[i];
          const value = h.value!;
          const key = g.group[i];
          const scheme = g.scheme[i];
          const prev = lastInGroup[key];
          const runOn = through[scheme] ? lastOfScheme[scheme] : undefined;
          lastInGroup[key] = h;
          lastOfScheme[scheme] = value;
          if (!prev) {
            if (value === 1 || (runOn !== undefined && value === runOn + 1)) continue;
            if (value > 1 && (runOn === undefined || value > runOn + 1)) {
              const from = runOn !== undefined && runOn < value ? runOn + 1 : 1;
              ctx.report({ messageId: 'start', data: { label: h.label, missing: range(from, value - 1, h) }, ...at(h) });
            }
            continue;
          }
          const pv = prev.value ?? 0;
          if (value === pv + 1) continue;
          if (value === pv) ctx.report({ messageId: 'repeat', data: { label: h.label }, ...at(h), ...fixAt(key, h) });
          else if (value > pv + 1)
            ctx.report({ messageId: 'skip', data: { label: h.label, previous: prev.label, missing: range(pv + 1, value - 1, h) }, ...at(h), ...fixAt(key, h) });
          else {
            fixed.add(key); // a step back is no mechanical renumbering
            ctx.report({ messageId: 'backwards', data: { label: h.label, previous: prev.label }, ...at(h) });
          }
        }
      },
    };
  },
});

/** Each heading's scheme and group (parent, scheme, level) as small numbers, to index arrays by. */
interface Groups {
  scheme: number[];
  group: number[];
  /** the schemes by number */
  schemes: string[];
  /** how many groups */
  count: number;
}

/**
 * Arrays indexed by these numbers instead of Maps and Sets keyed by scheme and group: two Map
 * lookups per heading here, none in the rule's passes over the headings.
 */
function groupsOf(headings: HeadingInfo[]): Groups {
  const schemeIds = new Map<string, number>();
  let levels = 1;
  for (const h of headings) {
    if (!schemeIds.has(h.scheme)) schemeIds.set(h.scheme, schemeIds.size);
    if (h.level >= levels) levels = h.level + 1;
  }
  const n = schemeIds.size;
  const ids = new Map<number, number>();
  const scheme: number[] = [];
  const group: number[] = [];
  for (const h of headings) {
    const s = schemeIds.get(h.scheme)!;
    const key = ((h.parent ?? -1) + 1) * n * levels + s * levels + h.level;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    scheme.push(s);
    group.push(id);
  }
  return { scheme, group, schemes: [...schemeIds.keys()], count: ids.size };
}

/** By scheme: does it go on from the previous section at each of at least two section changes, and never start again? */
function numberedThrough(headings: HeadingInfo[], g: Groups): boolean[] {
  const last = new Array<number | undefined>(g.schemes.length).fill(undefined);
  const on = new Array<number>(g.schemes.length).fill(0);
  const again = new Array<number>(g.schemes.length).fill(0);
  const seen = new Uint8Array(g.count);
  for (let i = 0; i < headings.length; i++) {
    const s = g.scheme[i];
    const before = last[s];
    if (!seen[g.group[i]] && before !== undefined) {
      if (headings[i].value === before + 1) on[s]++;
      else again[s]++;
    }
    seen[g.group[i]] = 1;
    last[s] = headings[i].value!;
  }
  return on.map((k, s) => k >= 2 && again[s] === 0);
}

function range(from: number, to: number, like: HeadingInfo): string {
  const a = asWritten(from, like);
  return from === to ? a : `${a}至${asWritten(to, like)}`;
}
