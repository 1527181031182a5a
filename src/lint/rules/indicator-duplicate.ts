import type { Indicator } from '../../model/schema.js';
import { defineRule } from '../types.js';
import { normName } from '../util.js';
import { examplePlan } from './examples.js';

export const indicatorDuplicate = defineRule({
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
    what: {
      zh: '报告同一规划中名称（忽略空格）已出现过的指标的第二行及之后各行；消息说明目标值是否不同。',
      en: 'Reports the second and later rows of an indicator whose name (spaces ignored) already appeared in the same plan; the message says whether the targets differ.',
    },
    why: {
      zh: '同一指标列两行会被重复计算；两个不同的目标值使真正的承诺含糊不清。',
      en: 'Two rows for one indicator double-count it, and two different targets leave the real commitment unclear.',
    },
    failing: {
      text: examplePlan({
        indicators: [['1', '生产安全事故死亡人数', '下降10%', '约束性'], ['2', '生产安全事故死亡人数', '下降15%', '约束性']],
      }),
      reports: ['14'],
    },
    passing: { text: examplePlan() },
  },
  create(ctx) {
    let seen = new Map<string, Indicator>();
    return {
      plan() {
        seen = new Map();
      },
      indicator({ plan, indicator: ind }) {
        const key = normName(ind.name);
        if (!key) return;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, ind);
          return;
        }
        const same = normName(first.target.text) === normName(ind.target.text);
        ctx.report({
          messageId: same ? 'duplicate' : 'conflict',
          data: { name: ind.name, line: first.span.start.line, first: first.target.text.trim(), second: ind.target.text.trim() },
          ...ctx.source.headSpan(ind.span),
          plan: plan.index,
        });
      },
    };
  },
});
