import { defineRule } from '../types.js';
import { examplePlan } from './examples.js';

export const indicatorCountMismatch = defineRule({
  id: 'indicator-count-mismatch',
  defaultSeverity: 'error',
  messages: {
    mismatch: {
      zh: '分组“{name}”声明{declared}项指标，实际列出{actual}项',
      en: 'Group "{name}" declares {declared} indicators but lists {actual}',
    },
  },
  docs: {
    summary: { zh: '分组行声明的指标数与实际行数不符', en: 'A group row declaring a count that differs from its rows' },
    what: {
      zh: '报告指标表中声明了项数（“应急能力(3项)”）但与其下实际指标行数不一致的分组行。',
      en: 'Reports a group row of an indicator table that declares a count ("应急能力(3项)") different from the number of indicator rows under it.',
    },
    why: {
      zh: '不一致说明编辑时丢失或多加了一行；读者和汇总统计引用的都是声明的项数。',
      en: 'The mismatch means a row was lost or added while editing; readers and the summary statistics quote the declared count.',
    },
    failing: {
      text: examplePlan({
        indicators: ['1.安全生产(3项)', ['1', '生产安全事故死亡人数', '下降10%', '约束性'], ['2', '森林火灾受害率', '≤0.9‰', '预期性']],
      }),
      reports: ['10'],
    },
    passing: {
      text: examplePlan({
        indicators: ['1.安全生产(2项)', ['1', '生产安全事故死亡人数', '下降10%', '约束性'], ['2', '森林火灾受害率', '≤0.9‰', '预期性']],
      }),
    },
  },
  create(ctx) {
    return {
      indicatorTable({ plan, table }) {
        for (const g of table.groups) {
          if (g.declared === null || g.declared === g.indicatorIds.length) continue;
          ctx.report({
            messageId: 'mismatch',
            data: { name: g.name, declared: g.declared, actual: g.indicatorIds.length },
            ...ctx.source.headSpan(g.span),
            plan: plan.index,
          });
        }
      },
    };
  },
});
