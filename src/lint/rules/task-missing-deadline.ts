import { defineRule } from '../types.js';
import { reportPlanWide, taskLabel } from '../util.js';
import { examplePlan } from './examples.js';

const workPoints = (second: string) =>
  examplePlan({
    title: '示范区应急管理局2024年工作要点',
    indicators: [],
    tasks: ['(一)健全应急指挥体系。完善区应急指挥部运行机制，2024年6月底前完成。(责任单位:区应急管理局)', second],
  });

export const taskMissingDeadline = defineRule({
  id: 'task-missing-deadline',
  defaultSeverity: { plan: 'off', workPoints: 'warn', taskBreakdown: 'warn', other: 'off' },
  messages: {
    missing: { zh: '任务“{task}”没有明确时限', en: 'Task "{task}" has no explicit deadline (时限)' },
    plan: { zh: '本规划{count}项任务均未明确时限', en: 'None of the {count} tasks of this plan states a deadline (时限)' },
    planNamed: { zh: '《{title}》{count}项任务均未明确时限', en: 'None of the {count} tasks of "{title}" states a deadline (时限)' },
  },
  docs: {
    summary: {
      zh: '任务没有明确时限（多年规划默认关闭，工作要点和任务分工默认警告）',
      en: 'A task with no explicit deadline (off for multi-year plans, warn for work points and task breakdowns)',
    },
    what: {
      zh:
        '报告没有写明自身时限（年底前、2022年6月底前、汛期前）的任务。若一个规划的所有任务都没有时限，只在规划标题处报告一次（一个文件印发几个规划时，消息写明是哪一个规划），而不是逐项报告。' +
        '对工作要点和任务分工方案默认开启（这类文件的用途就是给每一项定出日期）；对多年规划默认关闭（以规划期末为准）。',
      en:
        'Reports a task that states no deadline of its own (年底前, 2022年6月底前, 汛期前). Where no task of a plan states ' +
        'one, it reports the plan once, at its title, instead of every task (naming the plan when a file holds several). ' +
        'On by default for 工作要点 and 任务分工方案, whose purpose is to assign each item with a date; off for multi-year ' +
        'plans, where the period end applies.',
    },
    why: {
      zh: '没有日期的年度工作计划无法按月跟踪；“年底前”至少告诉责任单位何时到期。',
      en: 'An annual work plan without dates cannot be tracked month by month; "年底前" at least tells the owner when it is due.',
    },
    failing: {
      text: workPoints('(二)加强监测预警。建设综合监测预警平台。(责任单位:区应急管理局、区气象局)'),
      reports: ['8:4'],
    },
    passing: {
      text: workPoints('(二)加强监测预警。年底前建成综合监测预警平台。(责任单位:区应急管理局、区气象局)'),
    },
  },
  create(ctx) {
    /** plans none of whose tasks states a deadline: reported once, at the title */
    const undated = new Set<number>();
    return {
      plan(node) {
        const { index, plan, facts } = node;
        if (plan.tasks.length === 0 || facts.tasks.some((t) => t.explicitDeadline)) return;
        undated.add(index);
        reportPlanWide(ctx, node);
      },
      task({ plan, task, facts, isProject }) {
        if (isProject || facts.explicitDeadline || undated.has(plan.index)) return;
        // (the span's points named, not spread into the report: a spread copies property by property)
        const { start, end } = ctx.source.headSpan(task.span);
        ctx.report({ messageId: 'missing', data: { task: taskLabel(task) }, start, end, plan: plan.index });
      },
    };
  },
});
