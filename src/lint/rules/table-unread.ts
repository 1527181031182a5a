import { defineRule } from '../types.js';
import { clip } from '../util.js';

const failing = [
  '# 示范区应急管理“十四五”规划',
  '',
  '## 一、发展目标',
  '',
  '| 指标名称 | 目标值 | 指标的计算方法、统计口径和数据来源 |',
  '| --- | --- | --- |',
  '| 生产安全事故死亡人数 | 下降10% | 按应急管理部门统计的年度数据计算 |',
  '',
  '## 二、主要任务',
  '',
  '(一)健全应急指挥体系。完善区应急指挥部运行机制。(责任单位:区应急管理局)',
  '',
].join('\n');

export const tableUnread = defineRule({
  id: 'table-unread',
  defaultSeverity: 'warn',
  messages: {
    header: {
      zh: '表格“{header}”像是指标表或任务表，但表头无法识别，表中内容未被读取',
      en: 'Table "{header}" looks like an indicator or task table, but its header was not recognised; its rows were not read',
    },
    rows: {
      zh: '表格“{header}”像是指标表，但表头下没有读出任何一行',
      en: 'Table "{header}" looks like an indicator table, but no row could be read under its header',
    },
  },
  docs: {
    summary: { zh: '像指标表或任务表却无法读取的表格', en: 'A table that looks like an indicator or task table but cannot be read' },
    what: {
      zh: '报告看起来像指标表或任务表、但 plan-lint 无法读取的表格：表头中有指标列且旁边有目标值或属性列，或有任务列且旁边有责任单位或时限列，或单元格中有约束性/预期性；而表头中有无法识别、也不能作为附加列的单元格（一句长话），或表头下读不出任何一行。已知的附加列（年均/累计、备注、牵头单位……）会被读取，不报告。',
      en:
      'Reports a table whose header names an indicator column beside a target or nature column, or a task column beside ' +
      'an owner or deadline column, or whose cells hold 约束性/预期性, when plan-lint could not read it as an indicator or ' +
      'task table: a header cell it does not know and cannot take as a further column (a long sentence), or no row under ' +
      'the header. Known further columns (年均/累计, 备注, 牵头单位 …) are read, not reported.',
    },
    why: {
      zh: '没有这条警告，读不出的表格就会无声无息：其中的指标在 `extract` 和 `export` 中缺失，也没有任何指标规则检查它们，而规划看起来毫无问题。请修改表头单元格，或把它加入 grammars/indicator-table.yaml。',
      en:
      'Without this warning an unread table is silent: its indicators are missing from `extract` and `export`, and no ' +
      'indicator rule checks them, while the plan looks clean. Rename the header cell or add it to ' +
      'grammars/indicator-table.yaml.',
    },
    failing: { text: failing, format: 'md', reports: ['5:1'] },
    passing: { text: failing.replace('指标的计算方法、统计口径和数据来源', '备注'), format: 'md' },
  },
  create(ctx) {
    return {
      plan({ index, facts }) {
        for (const t of facts.unreadTables ?? []) {
          const header = clip(t.header.filter((h) => h.trim()).join(' | '), 40);
          ctx.report({ messageId: t.reason, data: { header }, ...ctx.source.headSpan(t.span), plan: index });
        }
      },
    };
  },
});
