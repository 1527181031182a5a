import { defineRule } from '../types.js';
import { reportPlanWide, taskLabel } from '../util.js';
import { examplePlan } from './examples.js';

export const taskMissingOwner = defineRule({
  id: 'task-missing-owner',
  defaultSeverity: 'warn',
  messages: {
    task: { zh: '任务“{task}”未明确责任单位', en: 'Task "{task}" names no responsible unit (责任单位/牵头单位)' },
    plan: {
      zh: '本规划{count}项任务均未明确责任单位',
      en: 'None of the {count} tasks of this plan names a responsible unit (责任单位/牵头单位)',
    },
    planNamed: {
      zh: '《{title}》{count}项任务均未明确责任单位',
      en: 'None of the {count} tasks of "{title}" names a responsible unit (责任单位/牵头单位)',
    },
  },
  docs: {
    summary: { zh: '任务没有责任单位/牵头单位', en: 'A task with no 责任单位/牵头单位' },
    what: {
      zh: '报告没有责任单位条款（责任单位、牵头单位、“A牵头”）的任务。若一个规划的所有任务都没有，只在规划标题处报告一次（一个文件印发几个规划时，消息写明是哪一个规划），而不是逐项报告。',
      en:
        'Reports a task with no owner clause (责任单位, 牵头单位, "A牵头"). Where no task of a plan has one, it reports ' +
        'the plan once, at its title, instead of every task (naming the plan when a file holds several).',
    },
    why: {
      zh: '没有分配给任何人的任务就是没人负责的任务：正是分工让规划可以落实、可以考核。',
      en: 'A task nobody is assigned to is nobody\'s job: the 分工 is what makes a plan enforceable and reviewable.',
    },
    failing: {
      text: examplePlan({
        tasks: [
          '(一)健全应急指挥体系。完善区应急指挥部运行机制。(责任单位:区应急管理局)',
          '(二)加强监测预警。建设综合监测预警平台。',
        ],
      }),
      reports: ['21:4'],
    },
    passing: { text: examplePlan() },
  },
  create(ctx) {
    return {
      plan(node) {
        const { plan, facts } = node;
        // no task of the plan has an owner: one diagnostic, at the plan's title
        if (plan.tasks.length === 0 || facts.ownedTasks > 0) return;
        reportPlanWide(ctx, node);
      },
      task({ plan, task, facts, isProject }) {
        if (isProject || facts.owned || plan.facts.ownedTasks === 0) return;
        ctx.report({ messageId: 'task', data: { task: taskLabel(task) }, ...ctx.source.headSpan(task.span), plan: plan.index });
      },
    };
  },
});
