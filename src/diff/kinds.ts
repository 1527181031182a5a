// The kinds of change `plan-lint diff` reports, with their labels. Kind names are stable (JSON
// output, `--fail-on`); a kind's label may name its subject ("新增任务" / "新增项目").

export const changeKinds = [
  'added-plan',
  'removed-plan',
  'renamed-plan',
  'added-indicator',
  'removed-indicator',
  'weakened-target',
  'strengthened-target',
  'changed-target',
  'weakened-nature',
  'strengthened-nature',
  'changed-nature',
  'added-task',
  'removed-task',
  'reworded-task',
  'added-owner',
  'removed-owner',
  'lost-owner',
  'changed-owner',
  'later-deadline',
  'earlier-deadline',
  'changed-deadline',
] as const;
export type ChangeKind = (typeof changeKinds)[number];

export type Subject = 'plan' | 'indicator' | 'task' | 'project';
export type Locale = 'zh' | 'en';

const subjects: Record<Subject, Record<Locale, string>> = {
  plan: { zh: '规划', en: 'plan' },
  indicator: { zh: '指标', en: 'indicator' },
  task: { zh: '任务', en: 'task' },
  project: { zh: '项目', en: 'project' },
};

/** `{s}` stands for the subject ("任务", "项目"). */
const labels: Record<ChangeKind, Record<Locale, string>> = {
  'added-plan': { zh: '新增规划', en: 'plan added' },
  'removed-plan': { zh: '删除规划', en: 'plan removed' },
  'renamed-plan': { zh: '规划更名', en: 'plan renamed' },
  'added-indicator': { zh: '新增指标', en: 'indicator added' },
  'removed-indicator': { zh: '删除指标', en: 'indicator removed' },
  'weakened-target': { zh: '目标减弱', en: 'target weakened' },
  'strengthened-target': { zh: '目标加强', en: 'target strengthened' },
  'changed-target': { zh: '目标变化', en: 'target changed' },
  'weakened-nature': { zh: '属性减弱', en: 'nature weakened' },
  'strengthened-nature': { zh: '属性加强', en: 'nature strengthened' },
  'changed-nature': { zh: '属性变化', en: 'nature changed' },
  'added-task': { zh: '新增{s}', en: '{s} added' },
  'removed-task': { zh: '删除{s}', en: '{s} removed' },
  'reworded-task': { zh: '{s}改写', en: '{s} reworded' },
  'added-owner': { zh: '新增责任单位', en: 'owner added' },
  'removed-owner': { zh: '删除配合单位', en: 'supporting owner removed' },
  'lost-owner': { zh: '失去牵头单位', en: 'lead owner lost' },
  'changed-owner': { zh: '责任单位角色变化', en: 'owner role changed' },
  'later-deadline': { zh: '时限推迟', en: 'deadline later' },
  'earlier-deadline': { zh: '时限提前', en: 'deadline earlier' },
  'changed-deadline': { zh: '时限变化', en: 'deadline changed' },
};

export function kindLabel(kind: ChangeKind, subject: Subject, locale: Locale): string {
  return labels[kind][locale].replace('{s}', subjects[subject][locale]);
}

export function subjectLabel(subject: Subject, locale: Locale): string {
  return subjects[subject][locale];
}

export const isChangeKind = (s: string): s is ChangeKind => (changeKinds as readonly string[]).includes(s);
