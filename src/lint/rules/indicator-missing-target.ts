import { defineRule } from '../types.js';
import { defaultIndicators, examplePlan } from './examples.js';

export const indicatorMissingTarget = defineRule({
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
    what: {
      zh: '报告指标表中目标值单元格为空、只有横线或表示“无”的词（“—”“－”“/”“无”“暂无”；见 grammars/lint-words.yaml 的 emptyTargets），或为模板占位符（XX%、待定）的每一行。',
      en:
      'Reports every row of an indicator table whose 目标值 cell is empty, holds only a dash or a word for nothing ' +
      '("—", "－", "/", "无", "暂无"; grammars/lint-words.yaml emptyTargets), or holds a template placeholder (XX%, 待定).',
    },
    why: {
      zh: '没有目标值的指标在中期评估和总结评估时无法考核；这一行什么也没有承诺。',
      en: 'An indicator without a target cannot be assessed at the mid-term or final review; the row promises nothing.',
    },
    failing: {
      text: examplePlan({ indicators: [defaultIndicators[0], ['2', '森林火灾受害率', '待定', '预期性'], ['3', '应急避难场所覆盖率', '—', '预期性']] }),
      reports: ['14', '18'],
    },
    passing: { text: examplePlan() },
  },
  create(ctx) {
    return {
      indicator({ plan, indicator: ind, facts }) {
        if (facts.target !== 'missing' && facts.target !== 'placeholder') return;
        const at = { ...ctx.source.headSpan(ind.span), plan: plan.index };
        const target = ind.target.text.trim();
        // a cell holding only "—", "无" or "暂无" is a missing target that says so
        if (facts.target === 'missing' && target) ctx.report({ messageId: 'blank', data: { name: ind.name, target }, ...at });
        else if (facts.target === 'missing') ctx.report({ messageId: 'missing', data: { name: ind.name }, ...at });
        else ctx.report({ messageId: 'placeholder', data: { name: ind.name, target }, ...at });
      },
    };
  },
});
