// The Chinese words for the model's codes, in one place: what a drafter reads where the model
// writes an English code (export's values under Chinese headers, the HTML report).
import type { Comparator, Indicator, PlanKind, Quantity } from './schema.js';

type Nature = NonNullable<Indicator['nature']>;
type Change = NonNullable<Quantity['change']>;

export const planKindZh: Record<PlanKind, string> = {
  plan: '规划',
  workPoints: '工作要点',
  taskBreakdown: '任务分工方案',
  other: '其他',
};

export const natureZh: Record<Nature, string> = { binding: '约束性', expected: '预期性' };

export const comparatorZh: Record<Comparator, string> = { lt: '<', le: '≤', eq: '=', ge: '≥', gt: '>' };

export const changeZh: Record<Change, string> = { decrease: '下降', increase: '提升' };

export const booleanZh = (b: boolean): string => (b ? '是' : '否');
