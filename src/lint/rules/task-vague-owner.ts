import { defineRule } from '../types.js';
import { taskLabel } from '../util.js';
import { examplePlan } from './examples.js';

export const taskVagueOwner = defineRule({
  id: 'task-vague-owner',
  defaultSeverity: 'warn',
  messages: {
    vague: {
      zh: '任务“{task}”的牵头单位只有“{lead}”，未落实到具体单位',
      en: 'The only lead of task "{task}" is the collective "{lead}": no unit in particular',
    },
  },
  docs: {
    summary: { zh: '任务的牵头单位只有泛称（各有关部门、各单位）', en: 'A task whose only lead is a collective phrase (各有关部门, 各单位)' },
    what: {
      zh: '报告牵头单位全部是泛称（各有关部门、各单位、相关部门……，见 grammars/owners.yaml 的 collectives）的任务。',
      en:
      'Reports a task whose lead units are all collective phrases (各有关部门, 各单位, 相关部门 …, listed in ' +
      'grammars/owners.yaml as collectives).',
    },
    why: {
      zh: '“各有关部门负责”点了所有人的名，也就等于谁也没点：评估时无法追问任何人为何没有完成。',
      en: '"各有关部门负责" names everyone and so no one: nobody can be asked at the review why the task was not done.',
    },
    failing: {
      text: examplePlan({
        tasks: [
          '(一)健全应急指挥体系。完善区应急指挥部运行机制。(责任单位:各有关部门)',
          '(二)加强监测预警。建设综合监测预警平台。(责任单位:区应急管理局、区气象局)',
        ],
      }),
      reports: ['20'],
    },
    passing: { text: examplePlan() },
  },
  create(ctx) {
    return {
      task({ plan, task, facts }) {
        // most tasks have a named lead: decided without building the list of leads
        let leads = 0;
        for (const u of facts.units) {
          if (u.role !== 'lead') continue;
          if (!u.collective) return;
          leads++;
        }
        if (leads === 0) return;
        const lead = facts.units.filter((u) => u.role === 'lead');
        const at = lead[0].span ?? ctx.source.headSpan(task.span);
        ctx.report({ messageId: 'vague', data: { task: taskLabel(task), lead: lead.map((u) => u.name).join('、') }, ...at, plan: plan.index });
      },
    };
  },
});
