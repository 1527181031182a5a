import type { Rule } from '../types.js';
import { headSpan } from '../util.js';
import { examplePlan } from './examples.js';

export const indicatorMissingNature: Rule = {
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
    what:
      'Reports an indicator whose 属性 cell is empty in a table that has a 属性/指标性质 column, and, once per table, ' +
      'an indicator table that has no such column at all.',
    why:
      'Binding (约束性) indicators are commitments the government is held to; expected (预期性) ones are guidance. ' +
      'A reader cannot tell which is which unless the table says so.',
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
  check(ctx) {
    const { document, plans } = ctx.result;
    document.plans.forEach((plan, p) => {
      const tables = plans[p]?.tables ?? [];
      const inTable = (offset: number) =>
        tables.find((t) => t.span.start.offset <= offset && offset < Math.max(t.span.end.offset, t.span.start.offset + 1));
      const reportedTables = new Set<number>();
      for (const ind of plan.indicators) {
        if (ind.nature !== null) continue;
        const table = inTable(ind.span.start.offset);
        if (table && !table.hasNatureColumn) {
          const ti = tables.indexOf(table);
          if (reportedTables.has(ti)) continue;
          reportedTables.add(ti);
          const count = plan.indicators.filter((i) => inTable(i.span.start.offset) === table).length;
          ctx.report({ messageId: 'noColumn', data: { count }, ...headSpan(ctx.pos, table.span), plan: p });
        } else {
          ctx.report({ messageId: 'missing', data: { name: ind.name }, ...headSpan(ctx.pos, ind.span), plan: p });
        }
      }
    });
  },
};
