import type { HeadingInfo } from '../../model/analysis.js';
import type { Rule } from '../types.js';
import { headSpan } from '../util.js';
import { examplePlan } from './examples.js';

const cn = '零一二三四五六七八九十';
/** A number written the way the sibling headings write theirs (3 → 三 for "一、" schemes). */
function asWritten(n: number, like: HeadingInfo): string {
  if (!/[一二三四五六七八九十]/.test(like.label)) return String(n);
  if (n <= 10) return cn[n];
  if (n < 20) return '十' + (n % 10 ? cn[n % 10] : '');
  return cn[Math.floor(n / 10)] + '十' + (n % 10 ? cn[n % 10] : '');
}

export const headingSequence: Rule = {
  id: 'heading-sequence',
  defaultSeverity: 'warn',
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
      'a skip (一、 then 三、), a repeat ((二) twice) or a step back. Boxes numbered through the whole plan (专栏1 … 专栏7) ' +
      'may continue across sections.',
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
  check(ctx) {
    ctx.result.plans.forEach((analysis, p) => {
      const hs = analysis.headings;
      // the last number of each scheme, for numbering that runs on across parents (专栏1 … 专栏7)
      const lastOfScheme = new Map<string, number>();
      const lastInGroup = new Map<string, HeadingInfo>();
      hs.forEach((h) => {
        if (h.value === null) return;
        const key = `${h.parent ?? 'top'}|${h.scheme}|${h.level}`;
        const prev = lastInGroup.get(key);
        const runOn = lastOfScheme.get(h.scheme);
        lastInGroup.set(key, h);
        lastOfScheme.set(h.scheme, h.value);
        const at = headSpan(ctx.pos, h.span);
        if (!prev) {
          if (h.value === 1 || (runOn !== undefined && h.value === runOn + 1)) return;
          if (h.value > 1 && (runOn === undefined || h.value > runOn + 1)) {
            const from = runOn !== undefined && runOn < h.value ? runOn + 1 : 1;
            ctx.report({ messageId: 'start', data: { label: h.label, missing: range(from, h.value - 1, h) }, ...at, plan: p });
          }
          return;
        }
        const pv = prev.value ?? 0;
        if (h.value === pv + 1) return;
        if (h.value === pv) ctx.report({ messageId: 'repeat', data: { label: h.label }, ...at, plan: p });
        else if (h.value > pv + 1)
          ctx.report({ messageId: 'skip', data: { label: h.label, previous: prev.label, missing: range(pv + 1, h.value - 1, h) }, ...at, plan: p });
        else ctx.report({ messageId: 'backwards', data: { label: h.label, previous: prev.label }, ...at, plan: p });
      });
    });
  },
};

function range(from: number, to: number, like: HeadingInfo): string {
  const a = asWritten(from, like);
  return from === to ? a : `${a}至${asWritten(to, like)}`;
}
