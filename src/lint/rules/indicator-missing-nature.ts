import { defineRule } from '../types.js';
import { examplePlan } from './examples.js';

export const indicatorMissingNature = defineRule({
  id: 'indicator-missing-nature',
  defaultSeverity: 'warn',
  messages: {
    missing: {
      zh: '指标“{name}”未标明属性（约束性/预期性）',
      en: 'Indicator "{name}" does not say whether it is binding (约束性) or expected (预期性)',
    },
    noColumn: {
      zh: '指标表没有“属性”列，{count}项指标均未标明约束性或预期性',
      en: 'The indicator table has no 属性 column: none of its {count} indicators says whether it is binding or expected',
    },
  },
  docs: {
    summary: { zh: '指标未标明属性（约束性/预期性）', en: 'An indicator with no nature (binding/expected)' },
    what: {
      zh: '在有“属性/指标性质”列的表中，报告属性单元格为空的指标；对完全没有该列的指标表，每表报告一次。',
      en:
      'Reports an indicator whose 属性 cell is empty in a table that has a 属性/指标性质 column, and, once per table, ' +
      'an indicator table that has no such column at all.',
    },
    why: {
      zh: '约束性指标是政府必须完成的承诺，预期性指标是引导性的；表中不标明，读者就无从分辨。',
      en:
      'Binding (约束性) indicators are commitments the government is held to; expected (预期性) ones are guidance. ' +
      'A reader cannot tell which is which unless the table says so.',
    },
    failing: {
      text: examplePlan({
        header: ['序号', '指标名称', '目标值'],
        indicators: [
          ['1', '生产安全事故死亡人数', '下降10%'],
          ['2', '森林火灾受害率', '≤0.9‰'],
        ],
      }),
      reports: ['6'],
    },
    passing: { text: examplePlan() },
  },
  create(ctx) {
    let reportedTables = new Set<number>();
    return {
      plan() {
        reportedTables = new Set();
      },
      indicator({ plan, indicator: ind, facts }) {
        if (ind.nature !== null) return;
        const t = facts.table;
        const table = t === null ? null : plan.facts.tables[t];
        if (t !== null && table && !table.hasNatureColumn) {
          // once per table, at the table
          if (reportedTables.has(t)) return;
          reportedTables.add(t);
          const count = plan.facts.indicators.filter((f) => f.table === t).length;
          ctx.report({ messageId: 'noColumn', data: { count }, ...ctx.source.headSpan(table.span), plan: plan.index });
        } else {
          ctx.report({ messageId: 'missing', data: { name: ind.name }, ...ctx.source.headSpan(ind.span), plan: plan.index });
        }
      },
    };
  },
});
