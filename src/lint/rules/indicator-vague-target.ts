import { defineRule } from '../types.js';
import { examplePlan } from './examples.js';

export const indicatorVagueTarget = defineRule({
  id: 'indicator-vague-target',
  defaultSeverity: 'warn',
  messages: {
    vague: {
      zh: '指标“{name}”的目标值“{target}”没有可考核的数值',
      en: 'The target of indicator "{name}" ("{target}") has no number to check against',
    },
  },
  docs: {
    summary: { zh: '目标值没有可考核的数值（逐年下降、明显提升）', en: 'A target with no number to check against (逐年下降, 明显提升)' },
    what: {
      zh: '报告目标值只有方向、没有数值的指标：逐年下降、明显提升、持续改善，以及 grammars/quantities.yaml（vague）中列出的其他说法。不需要数值也能考核的目标（全覆盖、建成）不报告。',
      en:
      'Reports an indicator whose target is a direction without a number: 逐年下降, 明显提升, 持续改善 and the other ' +
      'phrasings listed in grammars/quantities.yaml (vague). Targets that are checkable without a number ' +
      '(全覆盖, 建成) are not reported.',
    },
    why: {
      zh: '评估时没人能说清“明显提升”是否达到。有了数值（下降10%、≥95%），指标才可考核。',
      en: 'At the review nobody can say whether "明显提升" was met. A number (下降10%, ≥95%) makes the indicator checkable.',
    },
    failing: {
      text: examplePlan({ indicators: [['1', '生产安全事故死亡人数', '逐年下降', '约束性'], ['2', '森林火灾受害率', '≤0.9‰', '预期性']] }),
      reports: ['12'],
    },
    passing: { text: examplePlan() },
  },
  create(ctx) {
    return {
      indicator({ plan, indicator: ind, facts }) {
        if (facts.target !== 'vague') return;
        ctx.report({
          messageId: 'vague',
          data: { name: ind.name, target: ind.target.text.trim() },
          ...(facts.targetSpan ?? ctx.source.headSpan(ind.span)),
          plan: plan.index,
        });
      },
    };
  },
});
