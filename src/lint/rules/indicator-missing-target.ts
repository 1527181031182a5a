import type { Rule } from '../types.js';
import { findPlaceholders } from '../text-scan.js';
import { headSpan } from '../util.js';
import { defaultIndicators, examplePlan } from './examples.js';

export const indicatorMissingTarget: Rule = {
  id: 'indicator-missing-target',
  defaultSeverity: 'error',
  messages: {
    missing: { zh: '指标“{name}”没有目标值', en: 'Indicator "{name}" has no target value' },
    blank: { zh: '指标“{name}”的目标值只有“{target}”，没有给出目标', en: 'The target of indicator "{name}" is only "{target}": no target given' },
    placeholder: {
      zh: '指标“{name}”的目标值“{target}”是占位符',
      en: 'The target of indicator "{name}" is a placeholder: "{target}"',
    },
  },
  docs: {
    summary: { zh: '指标行没有目标值，或目标值是占位符', en: 'An indicator row with no target value, or a placeholder one' },
    what:
      'Reports every row of an indicator table whose 目标值 cell is empty, holds only a dash or a word for nothing ' +
      '("—", "－", "/", "无", "暂无"; grammars/lint-words.yaml emptyTargets), or holds a template placeholder (XX%, 待定).',
    why: 'An indicator without a target cannot be assessed at the mid-term or final review; the row promises nothing.',
    failing: {
      text: examplePlan({ indicators: [defaultIndicators[0], ['2', '森林火灾受害率', '待定', '预期性'], ['3', '应急避难场所覆盖率', '—', '预期性']] }),
      reports: ['14', '18'],
    },
    passing: { text: examplePlan() },
  },
  check(ctx) {
    ctx.result.document.plans.forEach((plan, p) => {
      for (const ind of plan.indicators) {
        const target = ind.target.text.trim();
        const span = headSpan(ctx.pos, ind.span);
        if (!target) {
          ctx.report({ messageId: 'missing', data: { name: ind.name }, ...span, plan: p });
        } else if (ctx.words.emptyTargets.includes(target.replace(/\s+/g, ''))) {
          ctx.report({ messageId: 'blank', data: { name: ind.name, target }, ...span, plan: p });
        } else if (findPlaceholders(target, ctx.words).length > 0) {
          ctx.report({ messageId: 'placeholder', data: { name: ind.name, target }, ...span, plan: p });
        }
      }
    });
  },
};
