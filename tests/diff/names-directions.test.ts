// diff: names cut short end in "…" (and prefer a clause boundary to a cut mid-word); the
// direction table knows shares (比重), the rates of progress (数控化率, 城镇化率, 利用率 …) and the
// common lower-is-better words (浓度, 失业, 劣V类), so "≥65 → ≥60" on a 比重 is weakened.
import { describe, expect, it } from 'vitest';
import { directionOf } from '../../src/diff/directions.js';
import { examplePlan } from '../../src/lint/rules/examples.js';
import { planLint, workspace } from '../helpers/cli.js';

describe('direction words', () => {
  it.each([
    ['规模以上工业企业关键工序数控化率', 'higher'],
    ['研发经费投入占地区生产总值比重', 'higher'],
    ['数字经济核心产业增加值占地区生产总值比重', 'higher'],
    ['非化石能源占一次能源消费比重', 'higher'],
    ['常住人口城镇化率', 'higher'],
    ['工业固体废物综合利用率', 'higher'],
    ['研发经费投入强度', 'higher'],
    ['地表水优良水体比例', 'higher'],
    ['单位地区生产总值能源消耗降低', 'higher'],
    ['单位GDP二氧化碳排放降低率', 'higher'],
    ['城镇生活垃圾无害化处理率', 'higher'],
    ['煤炭消费占能源消费总量比重', 'lower'],
    ['细颗粒物(PM2.5)平均浓度', 'lower'],
    ['城镇调查失业率', 'lower'],
    ['劣V类水体比例', 'lower'],
    ['劣Ⅴ类水体比例', 'lower'],
    ['重大慢性病过早死亡率', 'lower'],
    ['传染病病死率', 'lower'],
    ['单位地区生产总值能耗', 'lower'],
  ])('%s: %s is better', (name, want) => {
    expect(directionOf(name)).toBe(want);
  });
});

const withIndicator = (target: string) =>
  examplePlan({ indicators: [['1', '研发经费投入占地区生产总值比重', target, '预期性'], ['2', '规模以上工业企业关键工序数控化率', target === '≥65%' ? '≥60%' : '≥55%', '预期性']] });

describe('diff on a share and a 数控化率', () => {
  it('"≥65 → ≥60" on a 比重, "≥60 → ≥55" on a 数控化率: weakened, with the direction shown', async () => {
    const dir = workspace({ 'old.txt': withIndicator('≥65%'), 'new.txt': withIndicator('≥60%') });
    const r = await planLint(['diff', 'old.txt', 'new.txt', '-f', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    const changes = JSON.parse(r.stdout).plans[0].changes;
    expect(changes.map((c: { kind: string; name: string; direction: string }) => [c.kind, c.name, c.direction])).toEqual([
      ['weakened-target', '研发经费投入占地区生产总值比重', 'higher'],
      ['weakened-target', '规模以上工业企业关键工序数控化率', 'higher'],
    ]);
    const text = await planLint(['diff', 'old.txt', 'new.txt', '--fail-on', 'weakened-target'], { cwd: dir });
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('目标减弱  指标 I1 研发经费投入占地区生产总值比重（越高越好）：≥65% → ≥60%');
  });
});

describe('names', () => {
  const longTask = '(一)全面推进全区各类生产经营单位安全风险分级管控和隐患排查治理双重预防机制建设工作，确保取得实效。(责任单位:区应急管理局)';
  const plan = (task: string) => examplePlan({ indicators: [], tasks: [task, '(二)加强监测预警。建设综合监测预警平台。(责任单位:区应急管理局)'] });

  it('a task without a lead phrase is named by its opening, cut with "…"', async () => {
    const dir = workspace({ 'old.txt': plan(longTask), 'new.txt': plan(longTask.replace('区应急管理局', '区消防救援大队')) });
    const r = await planLint(['diff', 'old.txt', 'new.txt', '-f', 'json'], { cwd: dir });
    const names: string[] = JSON.parse(r.stdout).plans[0].changes.map((c: { name: string }) => c.name);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(name.endsWith('…')).toBe(true);
      // the opening up to a clause boundary when there is one near, never the whole text
      expect(longTask.replace(/^\(一\)/, '').startsWith(name.slice(0, -1))).toBe(true);
      expect([...name].length).toBeLessThanOrEqual(25);
    }
    // its first clause runs past 24 characters: cut at 20
    expect(names[0]).toBe('全面推进全区各类生产经营单位安全风险分级…');
  });

  it('a short first clause names the task up to its comma', async () => {
    const task = '(一)完善应急预案体系，推动各级各类应急预案修订和数字化应用，开展应急演练。(责任单位:区应急管理局)';
    const dir = workspace({ 'old.txt': plan(task), 'new.txt': plan(task.replace('区应急管理局', '区消防救援大队')) });
    const r = await planLint(['diff', 'old.txt', 'new.txt', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).plans[0].changes[0].name).toBe('完善应急预案体系…');
  });
});
