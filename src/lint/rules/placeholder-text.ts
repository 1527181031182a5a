import { textFacts } from '../../analysis/text-facts.js';
import { defineRule } from '../types.js';
import { examplePlan } from './examples.js';

export const placeholderText = defineRule({
  id: 'placeholder-text',
  defaultSeverity: 'error',
  messages: {
    placeholder: { zh: '模板占位符“{text}”未替换', en: 'Template placeholder "{text}" left in' },
  },
  docs: {
    summary: { zh: '残留模板占位符：XX、XXX、20XX、××、ＸＸ、某某、待定、【】…', en: 'Template placeholders left in: XX, XXX, 20XX, ××, ＸＸ, 某某, 待定, 【】 …' },
    what: {
      zh: '在所在位置报告每个模板占位符：连续的 X（XX、XXX、20XX、ＸＸ、xx）、量词前的单个 X（“X万幢”），以及 grammars/lint-words.yaml 中列出的词（××、某某、【】……；待定、待补充仅在其后不接汉字时才算，所以“对待定级”不是）。拉丁词中的 X（XXL）和罗马数字（XIX、XXI）不是占位符。',
      en:
      'Reports every template placeholder at its position: runs of X (XX, XXX, 20XX, ＸＸ, xx), a single X before a ' +
      'count word ("X万幢"), and the tokens listed in grammars/lint-words.yaml (××, 某某, 【】 …; 待定, 待补充 only where no ' +
      'Chinese character follows, so "对待定级" is not one). X inside a Latin word (XXL) or a Roman numeral (XIX, XXI) is ' +
      'not a placeholder.',
    },
    why: {
      zh: '一份带着“截至20XX年底，全市消防站总数达到XXX个”印发的规划，是用没填完的模板发出去的。',
      en: 'A plan that goes out with "截至20XX年底，全市消防站总数达到XXX个" was published from a template nobody finished.',
    },
    failing: {
      text: examplePlan({
        tasks: [
          '(一)健全应急指挥体系。到20XX年，建成XX个应急指挥分中心。(责任单位:区应急管理局)',
          '(二)加强监测预警。建设综合监测预警平台。(责任单位:区应急管理局、区气象局)',
        ],
      }),
      reports: ['20:14', '20:22'],
    },
    passing: {
      text: examplePlan({
        tasks: [
          '(一)健全应急指挥体系。到2025年，建成3个应急指挥分中心，配备XXL号救生衣，对待定级的避难场所逐一评估。(责任单位:区应急管理局)',
          '(二)加强监测预警。建设综合监测预警平台。(责任单位:区应急管理局、区气象局)',
        ],
      }),
    },
  },
  create(ctx) {
    const seen = new Set<number>();
    // found once for all blocks (src/analysis/text-facts.ts), in block order
    const found = textFacts(ctx.analysis.blocks, ctx.words).placeholders;
    return {
      // the findings in order, not a call for each block (few blocks hold one)
      blocks(blocks) {
        for (const f of found) {
          const block = blocks[f.block];
          const span = ctx.source.blockSpan(block, f.index, f.index + f.length);
          if (seen.has(span.start.offset)) continue;
          seen.add(span.start.offset);
          // (the span's points named, not spread into the report: a spread copies property by property)
          ctx.report({ messageId: 'placeholder', data: { text: f.text }, start: span.start, end: span.end, plan: block.plan });
        }
      },
    };
  },
});
