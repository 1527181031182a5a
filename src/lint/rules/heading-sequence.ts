import { z } from 'zod';
import type { HeadingInfo } from '../../model/analysis.js';
import { defineRule } from '../types.js';
import { examplePlan } from './examples.js';

export const HeadingSequenceOptions = z.strictObject({
  /**
   * numbering schemes (ids of grammars/headings.yaml) numbered through the whole plan rather than
   * within each section; every other scheme starts again at 1 under each parent
   */
  runOn: z.array(z.string().min(1)).default(['box']),
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
  defaultOptions: { runOn: ['box'] },
  messages: {
    skip: { zh: '编号“{label}”跳号：前一项是“{previous}”，缺少{missing}', en: 'Numbering skips at "{label}": the previous item is "{previous}", {missing} is missing' },
    repeat: { zh: '编号“{label}”重复', en: 'Numbering repeats: "{label}" twice' },
    backwards: { zh: '编号“{label}”顺序颠倒：前一项是“{previous}”', en: 'Numbering goes backwards at "{label}": the previous item is "{previous}"' },
    start: { zh: '编号从“{label}”开始，缺少{missing}', en: 'Numbering starts at "{label}"; {missing} is missing' },
  },
  docs: {
    summary: { zh: '同级编号跳号或重复（一、之后是三、；(二)出现两次）', en: 'Numbering that skips or repeats at one level (一、 then 三、; (二) twice)' },
    what:
      'Reports an outline item whose number does not follow the previous item at the same level under the same parent: ' +
      'a skip (一、 then 三、), a repeat ((二) twice) or a step back. Numbering starts again under each parent ' +
      '((三) under 三、 after (一)(二) under 二、 is reported), except for the schemes numbered through the whole plan: ' +
      'boxes (专栏1 … 专栏7) by default; option `runOn` lists them (for a plan that numbers its items 1. … 15. ' +
      'through all sections: `runOn: [box, arabic-dot]`).',
    why: 'A skipped or doubled number usually means a section was deleted or pasted twice; cross-references ("第三项") then point to the wrong item.',
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
    // the last number of each scheme numbered through the whole plan (专栏1 … 专栏7)
    let lastOfScheme = new Map<string, number>();
    let lastInGroup = new Map<string, HeadingInfo>();
    return {
      plan() {
        lastOfScheme = new Map();
        lastInGroup = new Map();
      },
      heading({ plan, heading: h }) {
        if (h.value === null) return;
        const key = `${h.parent ?? 'top'}|${h.scheme}|${h.level}`;
        const prev = lastInGroup.get(key);
        const runOn = runsOn.has(h.scheme) ? lastOfScheme.get(h.scheme) : undefined;
        lastInGroup.set(key, h);
        lastOfScheme.set(h.scheme, h.value);
        const at = { ...ctx.source.headSpan(h.span), plan: plan.index };
        if (!prev) {
          if (h.value === 1 || (runOn !== undefined && h.value === runOn + 1)) return;
          if (h.value > 1 && (runOn === undefined || h.value > runOn + 1)) {
            const from = runOn !== undefined && runOn < h.value ? runOn + 1 : 1;
            ctx.report({ messageId: 'start', data: { label: h.label, missing: range(from, h.value - 1, h) }, ...at });
          }
          return;
        }
        const pv = prev.value ?? 0;
        if (h.value === pv + 1) return;
        if (h.value === pv) ctx.report({ messageId: 'repeat', data: { label: h.label }, ...at });
        else if (h.value > pv + 1) ctx.report({ messageId: 'skip', data: { label: h.label, previous: prev.label, missing: range(pv + 1, h.value - 1, h) }, ...at });
        else ctx.report({ messageId: 'backwards', data: { label: h.label, previous: prev.label }, ...at });
      },
    };
  },
});

function range(from: number, to: number, like: HeadingInfo): string {
  const a = asWritten(from, like);
  return from === to ? a : `${a}至${asWritten(to, like)}`;
}
