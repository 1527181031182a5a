import type { Indicator } from '../../model/schema.js';
import type { Rule } from '../types.js';
import { headSpan, normName } from '../util.js';
import { examplePlan } from './examples.js';

export const indicatorDuplicate: Rule = {
  id: 'indicator-duplicate',
  defaultSeverity: 'warn',
  messages: {
    duplicate: {
      zh: '指标“{name}”重复（第{line}行已列出）',
      en: 'Indicator "{name}" is listed twice (first on line {line})',
    },
    conflict: {
      zh: '指标“{name}”重复且目标值不同：第{line}行为“{first}”，此处为“{second}”',
      en: 'Indicator "{name}" is listed twice with different targets: "{first}" on line {line}, "{second}" here',
    },
  },
  docs: {
    summary: { zh: '同一规划中指标重复，或同一指标有两个不同目标值', en: 'The same indicator twice in one plan, or with two different targets' },
    what: 'Reports the second and later rows of an indicator whose name (spaces ignored) already appeared in the same plan; the message says whether the targets differ.',
    why: 'Two rows for one indicator double-count it, and two different targets leave the real commitment unclear.',
    failing: {
      text: examplePlan({
        indicators: [['1', '生产安全事故死亡人数', '下降10%', '约束性'], ['2', '生产安全事故死亡人数', '下降15%', '约束性']],
      }),
      reports: ['14'],
    },
    passing: { text: examplePlan() },
  },
  check(ctx) {
    ctx.result.document.plans.forEach((plan, p) => {
      const seen = new Map<string, Indicator>();
      for (const ind of plan.indicators) {
        const key = normName(ind.name);
        if (!key) continue;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, ind);
          continue;
        }
        const a = normName(first.target.text);
        const b = normName(ind.target.text);
        ctx.report({
          messageId: a === b ? 'duplicate' : 'conflict',
          data: { name: ind.name, line: first.span.start.line, first: first.target.text.trim(), second: ind.target.text.trim() },
          ...headSpan(ctx.pos, ind.span),
          plan: p,
        });
      }
    });
  },
};
