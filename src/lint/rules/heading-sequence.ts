import { z } from 'zod';
import type { HeadingInfo } from '../../model/analysis.js';
import { defineRule } from '../types.js';
import { examplePlan } from './examples.js';

export const HeadingSequenceOptions = z.strictObject({
  /**
   * numbering schemes (ids of grammars/headings.yaml) numbered through the whole plan rather than
   * within each section; every other scheme starts again at 1 under each parent
   */
  runOn: z.array(z.string().min(1)).default(['box', 'arabic-dot', 'padded']),
});

const cn = '零一二三四五六七八九十';
/** A number written the way the sibling headings write theirs (3 → 三 for "一、" schemes). */
function asWritten(n: number, like: HeadingInfo): string {
  if (!/[一二三四五六七八九十]/.test(like.label)) return String(n);
  if (n <= 10) return cn[n];
  if (n < 20) return '十' + (n % 10 ? cn[n % 10] : '');
  return cn[Math.floor(n / 10)] + '十' + (n % 10 ? cn[n % 10] : '');
}

export const headingSequence = defineRule({
  id: 'heading-sequence',
  defaultSeverity: 'warn',
  options: HeadingSequenceOptions,
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
      zh: '报告同一上级下、同一层级中编号不接续的条目：跳号（一、之后是三、）、重号（(二)出现两次）或倒退。编号在每个上级下重新从1开始（二、下有(一)(二)后，三、下出现(三)会被报告），但整篇连续编号的方案除外：默认为专栏（专栏1……专栏7）和 1. 2. 式条目（许多规划的 1.……24. 贯穿各节，也有许多在每节重新编号），这类方案在新的上级下既可从1重新开始，也可接续上一节。选项 `runOn` 列出这类方案（`runOn: [box]` 使 1. 2. 在每节重新编号）。若某方案在两次及以上的换节处都接续编号（如中央文件在一、……八、下编(一)……(二十八)），视为有意贯穿全篇。',
      en:
      'Reports an outline item whose number does not follow the previous item at the same level under the same parent: ' +
      'a skip (一、 then 三、), a repeat ((二) twice) or a step back. Numbering starts again under each parent ' +
      '((三) under 三、 after (一)(二) under 二、 is reported), except for the schemes numbered through the whole plan: ' +
      'boxes (专栏1 … 专栏7) and items numbered 1. 2. (many plans number them 1. … 24. through all sections, many ' +
      'start again in each) by default: under a new parent such a scheme may start again at 1 or go on from the ' +
      'previous section. Option `runOn` lists these schemes (`runOn: [box]` makes 1. 2. start again in every ' +
      'section). A scheme that goes on at every one of two or more section changes ((一)…(二十八) under 一、…八、, as ' +
      'central documents number them) is taken as numbered through the plan on purpose.',
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
    let headings: HeadingInfo[] = [];
    return {
      plan() {
        headings = [];
      },
      heading({ heading }) {
        if (heading.value !== null) headings.push(heading);
      },
      planExit({ index }) {
        // a scheme that goes on from the previous section at every one of two or more section
        // changes is numbered through the plan on purpose ((一)…(二十八) under 一、…八、)
        const through = new Set([...runsOn, ...numberedThrough(headings)]);
        const lastOfScheme = new Map<string, number>();
        const lastInGroup = new Map<string, HeadingInfo>();
        for (const h of headings) {
          const value = h.value!;
          const key = `${h.parent ?? 'top'}|${h.scheme}|${h.level}`;
          const prev = lastInGroup.get(key);
          const runOn = through.has(h.scheme) ? lastOfScheme.get(h.scheme) : undefined;
          lastInGroup.set(key, h);
          lastOfScheme.set(h.scheme, value);
          const at = { ...ctx.source.headSpan(h.span), plan: index };
          if (!prev) {
            if (value === 1 || (runOn !== undefined && value === runOn + 1)) continue;
            if (value > 1 && (runOn === undefined || value > runOn + 1)) {
              const from = runOn !== undefined && runOn < value ? runOn + 1 : 1;
              ctx.report({ messageId: 'start', data: { label: h.label, missing: range(from, value - 1, h) }, ...at });
            }
            continue;
          }
          const pv = prev.value ?? 0;
          if (value === pv + 1) continue;
          if (value === pv) ctx.report({ messageId: 'repeat', data: { label: h.label }, ...at });
          else if (value > pv + 1) ctx.report({ messageId: 'skip', data: { label: h.label, previous: prev.label, missing: range(pv + 1, value - 1, h) }, ...at });
          else ctx.report({ messageId: 'backwards', data: { label: h.label, previous: prev.label }, ...at });
        }
      },
    };
  },
});

/** Schemes that go on from the previous section at each of at least two section changes, and never start again. */
function numberedThrough(headings: HeadingInfo[]): string[] {
  const last = new Map<string, number>();
  const seen = new Set<string>();
  const changes = new Map<string, { on: number; again: number }>();
  for (const h of headings) {
    const key = `${h.parent ?? 'top'}|${h.scheme}|${h.level}`;
    const before = last.get(h.scheme);
    if (!seen.has(key) && before !== undefined) {
      const c = changes.get(h.scheme) ?? { on: 0, again: 0 };
      if (h.value === before + 1) c.on++;
      else c.again++;
      changes.set(h.scheme, c);
    }
    seen.add(key);
    last.set(h.scheme, h.value!);
  }
  return [...changes].filter(([, c]) => c.on >= 2 && c.again === 0).map(([scheme]) => scheme);
}

function range(from: number, to: number, like: HeadingInfo): string {
  const a = asWritten(from, like);
  return from === to ? a : `${a}至${asWritten(to, like)}`;
}
