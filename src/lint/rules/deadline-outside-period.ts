import { defineRule } from '../types.js';
import { taskLabel } from '../util.js';
import { examplePlan } from './examples.js';

export const deadlineOutsidePeriod = defineRule({
  id: 'deadline-outside-period',
  defaultSeverity: 'warn',
  messages: {
    outside: {
      zh: '任务“{task}”的时限“{deadline}”超出规划期{start}—{end}年',
      en: 'The deadline "{deadline}" of task "{task}" lies outside the plan period {start}–{end}',
    },
  },
  docs: {
    summary: { zh: '明确的时限超出规划期', en: 'An explicit deadline outside the plan\'s period' },
    what: {
      zh: '报告明确时限（到2027年、2019年底前）早于规划期首年或晚于规划期末年的任务或工程项目。',
      en: 'Reports a task or project whose explicit deadline (到2027年, 2019年底前) falls before the first or after the last year of the plan\'s period.',
    },
    why: {
      zh: '晚于规划期的时限不在本规划的评估范围内；早于规划期的时限在规划印发时已经过去。通常是年份笔误。',
      en: 'A deadline after the period is not covered by this plan\'s review; one before it is already past when the plan is issued. Usually a typo in the year.',
    },
    failing: {
      text: examplePlan({
        tasks: [
          '(一)健全应急指挥体系。到2027年，完善区应急指挥部运行机制。(责任单位:区应急管理局)',
          '(二)加强监测预警。建设综合监测预警平台。(责任单位:区应急管理局、区气象局)',
        ],
      }),
      reports: ['20:13'],
    },
    passing: {
      text: examplePlan({
        tasks: [
          '(一)健全应急指挥体系。到2025年，完善区应急指挥部运行机制。(责任单位:区应急管理局)',
          '(二)加强监测预警。建设综合监测预警平台。(责任单位:区应急管理局、区气象局)',
        ],
      }),
    },
  },
  create(ctx) {
    return {
      task({ plan, task, facts }) {
        const d = facts.explicitDeadline;
        if (!plan.plan.period || !d?.date) return;
        const { start, end } = plan.plan.period;
        const year = Number(d.date.slice(0, 4));
        if (year >= start && year <= end) return;
        const at = d.span ?? ctx.source.headSpan(task.span);
        ctx.report({ messageId: 'outside', data: { task: taskLabel(task), deadline: d.text, start, end }, ...at, plan: plan.index });
      },
    };
  },
});
