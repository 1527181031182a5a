// The parts of diff on small real texts: target verdicts by direction, the direction table on
// every indicator name of the seeds, task pairing, owner and deadline kinds.
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTarget } from '../../src/extract/quantity.js';
import { compareTargets } from '../../src/diff/targets.js';
import { directionOf } from '../../src/diff/directions.js';
import { diffDocuments } from '../../src/diff/compare.js';
import { dice } from '../../src/diff/pairing.js';
import { extractPath, extractText } from '../../src/pipeline.js';
import { repo } from '../export/run.js';

const verdict = (a: string, b: string, name: string) => compareTargets(parseTarget(a), parseTarget(b), directionOf(name));

describe('target verdicts', () => {
  it.each([
    ['<0.018', '<0.02', '亿元地区生产总值生产安全事故死亡率', 'weakened'],
    ['<0.02', '<0.018', '亿元地区生产总值生产安全事故死亡率', 'strengthened'],
    ['下降9%', '下降5%', '生产安全事故死亡人数', 'weakened'],
    ['下降9%', '下降12%', '生产安全事故死亡人数', 'strengthened'],
    ['≥95%', '≥98%', '基层应急管理能力标准化建设达标率', 'strengthened'],
    ['100%', '90%', '高危行业大型企业依法建立专职安全生产应急救援队伍覆盖率', 'weakened'],
    ['<12小时', '<10小时', '受灾人员基本生活得到有效救助的时间', 'strengthened'],
    ['2小时', '3小时', '航空应急力量到达重大灾害事故现场时间(200公里)', 'weakened'],
    ['≤0.5%', '<0.5%', '年均因灾直接经济损失占全区生产总值的比例', 'strengthened'],
    ['1起以内', '2起以内', '5年累计较大生产安全事故起数', 'weakened'],
    ['>5个', '>8个', '新创建综合减灾示范社区', 'strengthened'],
    ['>2.5㎡', '>2㎡', '常住人口应急避难场所面积', 'weakened'],
  ])('%s → %s for %s is %s', (a, b, name, want) => {
    expect(verdict(a, b, name)).toBe(want);
  });

  it('same target written differently is no change; incomparable or undirected targets are "changed"', () => {
    expect(verdict('<1%(5年平均)', '<1% (5 年平均)', '年均因自然灾害直接经济损失占国内生产总值的比例')).toBe('same');
    expect(verdict('＜０.５', '<0.5', '道路交通万车死亡率')).toBe('same');
    expect(verdict('逐年下降', '下降10%', '生产安全事故死亡人数')).toBe('changed');
    expect(verdict('<1%', '<6000人', '年均每十万人受灾人次')).toBe('changed');
    expect(verdict('100个', '120个', '某某指标')).toBe('changed');
  });
});

describe('direction table', () => {
  it('knows which way every indicator of the seeds should move', async () => {
    const dirs = new Map<string, string | null>();
    for (const f of readdirSync(path.join(repo, 'fixtures', 'seeds')))
      for (const p of (await extractPath(path.join(repo, 'fixtures', 'seeds', f))).document.plans) for (const i of p.indicators) dirs.set(i.name, directionOf(i.name));
    expect(dirs.size).toBeGreaterThan(20);
    const higher = ['专职消防员占全县总人口比例', '高危行业大型企业依法建立专职安全生产应急救援队伍覆盖率', '基层应急管理能力标准化建设达标率', '县所在地规范化应急避难场所数量', '新创建综合减灾示范社区', '常住人口应急避难场所面积'];
    for (const [name, dir] of dirs) expect([name, dir]).toEqual([name, higher.includes(name) ? 'higher' : 'lower']);
  });

  it('a loss share is lower-is-better; a fixing rate of hazards and a relief coverage are higher; unknown is null', () => {
    expect(directionOf('年均因自然灾害直接经济损失占国内生产总值的比例')).toBe('lower');
    expect(directionOf('火灾隐患整改率')).toBe('higher');
    expect(directionOf('受灾群众救助覆盖率')).toBe('higher');
    expect(directionOf('應急避難場所面積')).toBe('higher');
    expect(directionOf('安全生产责任保险')).toBeNull();
  });
});

const plan = (...tasks: string[]) =>
  ['示范区应急管理“十四五”规划(2021—2025年)', '', '一、发展目标', '到2025年，应急管理体系基本建成。', '', '二、主要任务', ...tasks, '', '三、保障措施', '(一)加强组织领导。各部门要把规划实施摆在重要位置。', ''].join('\n');
const doc = async (text: string) => extractText(text, { path: 'x.txt', sha256: '', encoding: 'utf-8', format: 'txt' });
const kinds = async (a: string, b: string) =>
  diffDocuments(await doc(a), await doc(b), 'a', 'b').plans.flatMap((p) => p.changes.map((c) => [c.kind, c.unit ?? c.new ?? null]));

const T1 = '(一)健全应急指挥体系。完善区应急指挥部运行机制，2022年底前建成指挥中心。(责任单位:区应急管理局、区气象局)';
const T2 = '(二)加强监测预警。建设综合监测预警平台，接入各行业监测数据。(区应急管理局牵头，区水利局、区规划自然资源局按职责分工负责)';

describe('tasks', () => {
  it('an unchanged plan has no changes; swapping two tasks is none either', async () => {
    expect(await kinds(plan(T1, T2), plan(T1, T2))).toEqual([]);
    expect(await kinds(plan(T1, T2), plan(T2.replace('(二)', '(一)'), T1.replace('(一)', '(二)')))).toEqual([]);
  });

  it('owners: a supporting unit removed, one added, a lead demoted', async () => {
    expect(await kinds(plan(T1, T2), plan(T1, T2.replace('区水利局、', '')))).toEqual([['removed-owner', '区水利局']]);
    expect(await kinds(plan(T1, T2), plan(T1, T2.replace('区规划自然资源局', '区规划自然资源局、区交通局')))).toEqual([['added-owner', '区交通局']]);
    expect(await kinds(plan(T1, T2), plan(T1, T2.replace('区应急管理局牵头，区水利局', '区水利局牵头，区应急管理局')))).toEqual([
      ['changed-owner', '区水利局'],
      ['changed-owner', '区应急管理局'],
    ]);
  });

  it('deadlines: later, earlier, dropped (explicit → inferred); the text change is not a rewording', async () => {
    expect(await kinds(plan(T1, T2), plan(T1.replace('2022年底前', '2023年底前'), T2))).toEqual([['later-deadline', '2023-12-31']]);
    expect(await kinds(plan(T1, T2), plan(T1.replace('2022年底前', '2021年底前'), T2))).toEqual([['earlier-deadline', '2021-12-31']]);
    expect(await kinds(plan(T1.replace('2022年底前', '2025年底前'), T2), plan(T1.replace('2022年底前', ''), T2))).toEqual([['changed-deadline', '2025-12-31']]);
  });

  it('a task reworded pairs with its old self; a new task is added, a dropped one removed', async () => {
    expect(await kinds(plan(T1, T2), plan(T1, T2.replace('接入各行业监测数据', '汇聚各行业部门监测数据')))).toEqual([['reworded-task', expect.stringContaining('汇聚')]]);
    const T3 = '(三)强化救援队伍建设。组建区级综合应急救援队伍。(责任单位:区消防救援支队)';
    expect((await kinds(plan(T1, T2), plan(T1, T2, T3))).map((k) => k[0])).toEqual(['added-task']);
    expect((await kinds(plan(T1, T2), plan(T1))).map((k) => k[0])).toEqual(['removed-task']);
  });

  it('dice: 1 for equal texts, high for a rewording, low for another task', () => {
    expect(dice('加强监测预警', '加强监测预警')).toBe(1);
    expect(dice(T2, T2.replace('接入各行业监测数据', '汇聚各行业部门监测数据'))).toBeGreaterThan(0.8);
    expect(dice(T1, T2)).toBeLessThan(0.5);
  });
});
