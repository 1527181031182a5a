// `plan-lint diff` on a revision of a real plan (fixtures/revisions/): exactly the changes made
// to it, in every format; --fail-on; .txt against its Markdown rendition; bad input.
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planLintCmd, repo, scratch } from '../export/run.js';

const OLD = 'fixtures/seeds/resort-three-plans-notice.txt';
const NEW = 'fixtures/revisions/resort-three-plans-notice.revised.txt';
const PLAN = '聊城江北水城旅游度假区“十四五”应急管理规划';

/** What was changed in the revision (see fixtures/revisions/README.md), and nothing else. */
const expected = [
  { kind: 'weakened-target', subject: 'indicator', name: '年度10万人口火灾死亡率', old: '<0.25', new: '<0.3', direction: 'lower', unit: null },
  { kind: 'strengthened-target', subject: 'indicator', name: '受灾人员基本生活得到有效救助的时间', old: '<12小时', new: '<10小时', direction: 'lower', unit: null },
  { kind: 'weakened-nature', subject: 'indicator', name: '常住人口应急避难场所面积', old: 'binding', new: 'expected', direction: null, unit: null },
  { kind: 'removed-indicator', subject: 'indicator', name: '新创建综合减灾示范社区', old: '>5个', new: null, direction: null, unit: null },
  { kind: 'lost-owner', subject: 'task', name: '增强综合防灾减灾救灾能力', old: 'lead', new: null, direction: null, unit: '区住建局' },
  { kind: 'reworded-task', subject: 'task', name: '加强应急救援专家队伍建设', direction: null, unit: null },
];

describe('a revision with seven edits', () => {
  it('json: exactly the changes made (the two swapped tasks are no change)', async () => {
    const r = await planLintCmd(['diff', OLD, NEW, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.old).toBe(OLD);
    expect(report.new).toBe(NEW);
    expect(report.plans.map((p: { title: string }) => p.title)).toHaveLength(3);
    const [first, ...others] = report.plans;
    expect(first.title).toBe(PLAN);
    for (const p of others) expect(p.changes).toEqual([]);
    expect(first.changes).toHaveLength(expected.length);
    for (const want of expected) {
      const { old, new: now, ...rest } = want as (typeof expected)[number] & { old?: string; new?: string };
      const got = first.changes.find((c: { kind: string }) => c.kind === want.kind);
      expect(got).toMatchObject(rest);
      if ('old' in want) expect([got.old, got.new]).toEqual([old, now]);
    }
    // lines point into each file: the removed indicator in the old one only
    const removed = first.changes.find((c: { kind: string }) => c.kind === 'removed-indicator');
    expect([removed.line, removed.oldLine]).toEqual([null, 230]);
    const weakened = first.changes.find((c: { kind: string }) => c.kind === 'weakened-target');
    expect([weakened.line, weakened.oldLine]).toEqual([204, 204]);
    const reworded = first.changes.find((c: { kind: string }) => c.kind === 'reworded-task');
    expect(reworded.old).toContain('邀请一批高水平专家');
    expect(reworded.new).toContain('聘请一批高水平专家');
    expect(report.summary).toEqual({
      plans: 3,
      changes: 6,
      byKind: { 'weakened-target': 1, 'strengthened-target': 1, 'weakened-nature': 1, 'removed-indicator': 1, 'lost-owner': 1, 'reworded-task': 1 },
    });
    // every change has every key
    for (const c of first.changes)
      expect(Object.keys(c)).toEqual(['kind', 'subject', 'id', 'name', 'old', 'new', 'line', 'oldLine', 'unit', 'direction', 'oldText', 'newText']);
  });

  it('text: one line per change with Chinese labels, and the total', async () => {
    const r = await planLintCmd(['diff', OLD, NEW]);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    const changeLines = lines.filter((l) => l.startsWith('  '));
    expect(changeLines).toHaveLength(6);
    const has = (...parts: string[]) => expect(changeLines.some((l) => parts.every((p) => l.includes(p))), parts.join(' ')).toBe(true);
    has('目标减弱', '年度10万人口火灾死亡率（越低越好）', '<0.25 → <0.3', '第204行');
    has('目标加强', '受灾人员基本生活得到有效救助的时间', '<12小时 → <10小时');
    has('属性减弱', '常住人口应急避难场所面积', '约束性 → 预期性');
    has('删除指标', '新创建综合减灾示范社区', '>5个 → —', '原第230行');
    has('失去牵头单位', '增强综合防灾减灾救灾能力', '区住建局（牵头） → —');
    has('任务改写', '加强应急救援专家队伍建设', '邀请', '聘请');
    expect(lines).toContain(`《${PLAN}》 6 处变化`);
    expect(r.stdout).toContain('《聊城江北水城旅游度假区“十四五”安全生产规划》 无实质变化');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('共 6 处变化：删除指标 1、目标减弱 1、目标加强 1、属性减弱 1、任务改写 1、失去牵头单位 1');
  });

  it('markdown: a table of the six changes, ready for a pull-request comment', async () => {
    const r = await planLintCmd(['diff', OLD, NEW, '--format', 'markdown']);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain(`#### 《${PLAN}》：6 处变化`);
    expect(lines).toContain('| 变化 | 对象 | 名称 | 原 | 新 | 行 |');
    const rows = lines.filter((l) => l.startsWith('| ') && !l.startsWith('| 变化 |'));
    expect(rows).toHaveLength(6);
    expect(rows).toContain('| 目标减弱 | 指标 I3 | 年度10万人口火灾死亡率（越低越好） | &lt;0.25 | &lt;0.3 | 204 |');
    expect(rows).toContain('| 属性减弱 | 指标 I7 | 常住人口应急避难场所面积 | 约束性 | 预期性 | 238 |');
    expect(rows).toContain('| 删除指标 | 指标 I6 | 新创建综合减灾示范社区 | >5个 | — | 原第230行 |');
    expect(rows.some((l) => l.startsWith('| 失去牵头单位 | 任务 3.2.4 | 增强综合防灾减灾救灾能力 | 区住建局（牵头） | — |'))).toBe(true);
    expect(rows.some((l) => l.startsWith('| 目标加强 | 指标 I6 | 受灾人员基本生活得到有效救助的时间'))).toBe(true);
    expect(rows.some((l) => l.startsWith('| 任务改写 | 任务 3.3.5 | 加强应急救援专家队伍建设'))).toBe(true);
    expect(r.stdout).toContain('**共 6 处变化：');
    // every row has six cells: no stray pipe from the content
    for (const row of rows) expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(8);
  });

  it('--fail-on weakened-target: exit 1 on the revision, 0 on an unchanged copy', async () => {
    const r = await planLintCmd(['diff', OLD, NEW, '--fail-on', 'weakened-target']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('plan-lint: --fail-on 命中：weakened-target (1)\n');
    const copy = path.join(scratch(), 'copy.txt');
    copyFileSync(path.join(repo, OLD), copy);
    const same = await planLintCmd(['diff', OLD, copy, '--fail-on', 'weakened-target']);
    expect(same.stderr).toBe('');
    expect(same.status).toBe(0);
    expect(same.stdout.trimEnd().split('\n').at(-1)).toBe('无实质变化');
  });

  it('--fail-on kinds as a list: only kinds present count', async () => {
    expect((await planLintCmd(['diff', OLD, NEW, '--fail-on', 'removed-task,later-deadline'])).status).toBe(0);
    expect((await planLintCmd(['diff', OLD, NEW, '--fail-on', 'removed-task', '--fail-on', 'lost-owner'])).status).toBe(1);
    expect((await planLintCmd(['diff', OLD, NEW, '--fail-on', 'removed-indicator'])).status).toBe(1);
    const bad = await planLintCmd(['diff', OLD, NEW, '--fail-on', 'weaker-target']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^plan-lint: 未知的 --fail-on 类型“weaker-target”.*是否为“weakened-target”/);
  });

  it('the reverse diff reports the opposite changes', async () => {
    const r = await planLintCmd(['diff', NEW, OLD, '--format', 'json']);
    const kinds = JSON.parse(r.stdout).plans[0].changes.map((c: { kind: string }) => c.kind).sort();
    expect(kinds).toEqual(['added-indicator', 'added-owner', 'reworded-task', 'strengthened-nature', 'strengthened-target', 'weakened-target']);
  });
});

describe('across formats', () => {
  it.each(['district-emergency-plan-2021-2025', 'district-work-points-2020', 'county-emergency-system-plan-chapters'])(
    '%s: the .txt seed against its Markdown rendition has no changes',
    async (name) => {
      const r = await planLintCmd(['diff', `fixtures/seeds/${name}.txt`, `fixtures/md/${name}.md`, '--format', 'json', '--fail-on', 'weakened-target,removed-indicator,lost-owner,later-deadline,removed-task']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const report = JSON.parse(r.stdout);
      expect(report.plans).toHaveLength(1);
      expect(report.summary.changes).toBe(0);
    },
  );
});

describe('bad input', () => {
  it('a missing or empty revision: one line, exit 2', async () => {
    const r = await planLintCmd(['diff', OLD, 'fixtures/revisions/nope.txt']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('plan-lint: fixtures/revisions/nope.txt: 文件不存在\n');
    const e = await planLintCmd(['diff', '-', NEW], { stdin: '' });
    expect(e.status).toBe(2);
    expect(e.stderr).toMatch(/^plan-lint: <stdin>: 空文件/);
  });

  it('reads one revision from standard input', async () => {
    const r = await planLintCmd(['diff', OLD, '-', '--format', 'json'], { stdin: readFileSync(path.join(repo, NEW), 'utf8') });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.new).toBe('<stdin>');
    expect(report.summary.changes).toBe(6);
  });
});
