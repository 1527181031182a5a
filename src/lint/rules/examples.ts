// Building blocks of the rules' documentation examples: a small but complete plan in the
// shape real plans have (title, goals with an indicator table one cell per line, tasks with
// owner clauses, 保障措施), so that each example runs through the real pipeline in the tests.

export interface ExamplePlan {
  title?: string;
  /** rows of the indicator table: [序号, 指标名称, 目标值, 指标性质]; a string is a group row */
  indicators?: (string[] | string)[];
  header?: string[];
  /** lines of the task part (after "二、主要任务") */
  tasks?: string[];
  /** lines before the title (a notice) */
  before?: string[];
}

export const defaultTasks = [
  '(一)健全应急指挥体系。完善区应急指挥部运行机制。(责任单位:区应急管理局)',
  '(二)加强监测预警。建设综合监测预警平台。(责任单位:区应急管理局、区气象局)',
];

export const defaultIndicators: string[][] = [
  ['1', '生产安全事故死亡人数', '下降10%', '约束性'],
  ['2', '森林火灾受害率', '≤0.9‰', '预期性'],
];

/** A plan text from its parts. */
export function examplePlan(p: ExamplePlan = {}): string {
  const lines: string[] = [...(p.before ?? [])];
  lines.push(p.title ?? '示范区应急管理“十四五”规划(2021—2025年)', '');
  lines.push('一、发展目标', '到2025年，应急管理体系和能力现代化取得重大进展。');
  const rows = p.indicators ?? defaultIndicators;
  if (rows.length) {
    lines.push('表1 “十四五”时期应急管理主要指标');
    lines.push(...(p.header ?? ['序号', '指标名称', '目标值', '指标性质']));
    for (const r of rows) {
      if (typeof r === 'string') lines.push(r);
      else lines.push(...r);
    }
  }
  lines.push('', '二、主要任务');
  lines.push(...(p.tasks ?? defaultTasks));
  lines.push('', '三、保障措施', '(一)加强组织领导。各部门要把规划实施摆在重要位置。', '');
  return lines.join('\n');
}
