// The five real seed plans, checked against what a careful reader finds in them.
import { describe, expect, it } from 'vitest';
import { DocumentSchema } from '../../src/model/schema.js';
import { SEEDS, extractSeed } from './helpers.js';

describe('district plan with an indicator table and lead-phrase paragraphs', async () => {
  const doc = await extractSeed(SEEDS.district);
  const [plan] = doc.plans;

  it('is one plan with the page header metadata', () => {
    expect(doc.plans).toHaveLength(1);
    expect(plan.title).toBe('重庆市江北区应急管理“十四五”规划(2021-2025年)');
    expect(plan.kind).toBe('plan');
    expect(plan.period).toEqual({ start: 2021, end: 2025 });
    expect(plan.baseYear).toBe(2020);
    expect(plan.meta).toEqual({
      docNumber: '江北府发〔2022〕8号',
      issuer: '江北区人民政府',
      written: '2022-04-24',
      published: '2022-05-17',
      indexNo: '11500105768865765W/2022-00032',
    });
  });

  it('reads the six indicators printed one cell per line', () => {
    expect(plan.indicators.map((i) => [i.name, i.target.text, i.nature])).toEqual([
      ['生产安全事故死亡人数', '下降9%', 'binding'],
      ['5年累计较大生产安全事故起数', '1起以内', 'binding'],
      ['亿元地区生产总值生产安全事故死亡率', '<0.018', 'binding'],
      ['年均因灾直接经济损失占全区生产总值的比例', '≤0.5%', 'expected'],
      ['年均百万人口因灾死亡率', '≤1人', 'expected'],
      ['年均每十万人受灾人次', '<5000', 'expected'],
    ]);
    expect(plan.indicators[1].target).toMatchObject({ comparator: 'le', value: 1, unit: '起' });
    expect(plan.indicators[0].target).toMatchObject({ change: 'decrease', value: 9, unit: '%' });
  });

  it('splits items at lead phrases and skips the goals and guarantee parts', () => {
    expect(plan.tasks).toHaveLength(54);
    expect(plan.tasks[0]).toMatchObject({ id: '3.1.1', title: '完善“两委五指十专”职能', owners: null });
    expect(plan.tasks[0].section).toEqual(['主要任务', '深化体制机制改革,完善应急管理责任网络', '健全应急管理行政体系']);
    expect(plan.tasks.map((t) => t.title)).toContain('消防安全');
    expect(plan.tasks.some((t) => t.text.includes('加强组织领导'))).toBe(false);
  });

  it('finds the seven key projects, the sub-projects of a group separately', () => {
    expect(plan.projects.map((p) => p.title)).toEqual([
      '安全发展示范城市创建工程',
      '森林防火体系建设工程',
      '应急管理人员能力提升项目',
      '灾害救助物资储备体系建设项目',
      '应急科普宣传教育建设项目',
      '应急管理救援、执法装备和车辆配置项目',
      '智慧应急信息化工程',
    ]);
  });

  it('reads explicit deadlines and infers the rest from the period', () => {
    const byTitle = (t: string) => plan.tasks.find((x) => x.title === t)!;
    expect(byTitle('强化应急物资保障').deadline).toMatchObject({ date: '2025-12-31', inferred: false });
    expect(byTitle('提升统筹协调能力').deadline).toMatchObject({ date: '2025-12-31', inferred: true });
    expect(plan.projects[0].deadline).toMatchObject({ text: '2025年前', inferred: false });
  });

  it('finds quantified goals in the goals prose and inside tasks', () => {
    expect(plan.targets.find((t) => t.text.endsWith('突发气象灾害监测率达90%'))).toMatchObject({ value: 90, unit: '%' });
    const inTasks = [...plan.tasks, ...plan.projects].flatMap((t) => t.targets);
    expect(inTasks.find((t) => t.text.endsWith('综合行政执法装备达标率100%'))).toMatchObject({ value: 100, unit: '%' });
  });

  it('validates against the schema', () => {
    expect(DocumentSchema.safeParse(doc).success).toBe(true);
  });
});

describe('work points with several owner clauses in one item', async () => {
  const [plan] = (await extractSeed(SEEDS.workPoints)).plans;

  it('is a one-year work-points document', () => {
    expect(plan.kind).toBe('workPoints');
    expect(plan.period).toEqual({ start: 2020, end: 2020 });
    expect(plan.meta.docNumber).toBe('北区应急〔2020〕18号');
    expect(plan.meta.indexNo).toBe('768511246/2020-38218');
  });

  it('makes each clause close its own task', () => {
    expect(plan.tasks).toHaveLength(64);
    expect(plan.tasks.every((t) => t.owners)).toBe(true);
    expect(plan.tasks.slice(0, 4).map((t) => [t.id, t.owners!.lead])).toEqual([
      ['1.1', ['协调科', '应急救援中心']],
      ['1.1#2', ['协调科', '应急救援中心']],
      ['1.1#3', ['协调科', '危化科', '基础科', '监察大队']],
      ['1.1#4', ['应急救援中心']],
    ]);
    expect(plan.tasks.find((t) => t.owners!.text.endsWith('办公室,'))!.owners!.lead).toEqual(['办公室']);
  });

  it('dates 汛期前 and 年底 in the work points year', () => {
    expect(plan.tasks.find((t) => t.title === '健全防汛防台机制')!.deadline).toMatchObject({ date: '2020-05-31', inferred: false });
    expect(plan.tasks.find((t) => t.title === '加快减灾救灾基础建设')!.deadline!.date).toBe('2020-12-31');
  });

  it('reads the prose goals', () => {
    expect(plan.targets.map((t) => [t.value, t.unit])).toEqual(expect.arrayContaining([[20, '%'], [24, '%'], [1, '%']]));
  });
});

describe('a notice printing three plans with tables of contents', async () => {
  const doc = await extractSeed(SEEDS.resort);

  it('yields three plans sharing the notice metadata', () => {
    expect(doc.plans.map((p) => p.title)).toEqual([
      '聊城江北水城旅游度假区“十四五”应急管理规划',
      '聊城江北水城旅游度假区“十四五”安全生产规划',
      '聊城江北水城旅游度假区“十四五”安全生产监管执法能力建设规划',
    ]);
    for (const p of doc.plans) expect(p.meta.docNumber).toBe('聊江管办发〔2022〕7号');
  });

  it('carries a 类别 written once down its group and joins split cells', () => {
    const [first, second] = doc.plans;
    expect(first.indicators.map((i) => i.category)).toEqual(['安全生产', '安全生产', '安全生产', '自然灾害', '自然灾害', '自然灾害', '自然灾害', '自然灾害']);
    expect(first.indicators[3]).toMatchObject({ name: '年均因自然灾害直接经济损失占国内生产总值的比例', target: { comparator: 'lt', value: 1, unit: '%', note: '5年平均' } });
    expect(second.indicators.map((i) => i.name)).toContain('工矿商贸就业人员十万人生产安全事故死亡率');
  });

  it('reads 牵头 clauses into lead and support, cutting 等有关部门', () => {
    const t = doc.plans[0].tasks.find((x) => x.title === '健全应急管理责任体系')!;
    expect(t.owners).toMatchObject({ lead: ['区安监局'], support: ['区政工部', '区经发局'] });
    const noLead = doc.plans[1].tasks.find((x) => x.text.startsWith('深入推进“互联网+监管”'))!;
    expect(noLead.owners!.lead).toEqual(['区安监局', '区各行业主管部门', '区负有安全生产监管职责的部门']);
  });

  it('leaves the tables of contents out', () => {
    expect(doc.plans[2].tasks).toHaveLength(5);
    expect(doc.plans[2].tasks.every((t) => t.text.length > 40)).toBe(true);
  });
});

describe('chapters, group rows with declared counts and boxes', async () => {
  const [plan] = (await extractSeed(SEEDS.county)).plans;

  it('takes the category from the group rows', () => {
    expect(plan.indicators).toHaveLength(12);
    expect(plan.indicators.filter((i) => i.category === '应急能力')).toHaveLength(5);
    expect(plan.indicators.find((i) => i.name === '生产安全事故死亡人数')!.target).toMatchObject({ text: '逐年下降', value: null, change: 'decrease' });
  });

  it('makes numbered points of a box projects, and a box without points one project', () => {
    expect(plan.projects).toHaveLength(12);
    expect(plan.projects.find((p) => p.title === '安全生产风险综合监测预警平台建设重点')).toBeDefined();
  });

  it('reads the lost-date signature line as the written date', () => {
    expect(plan.meta.written).toBe('2023-02-20');
    expect(plan.meta.published).toBe('2023-12-04');
  });
});

describe('a plan with placeholders and no indicator table', async () => {
  const [plan] = (await extractSeed(SEEDS.city)).plans;
  it('has tasks, projects and no indicators', () => {
    expect(plan.indicators).toEqual([]);
    expect(plan.tasks).toHaveLength(49);
    expect(plan.projects).toHaveLength(19);
    expect(plan.meta.published).toBe('2023-11-18');
  });
});

describe('boxes beside the items of a section', async () => {
  const { extractPath } = await import('../../src/pipeline.js');
  const { fixture } = await import('./helpers.js');
  const [plan] = (await extractPath(fixture('minimal', 'city-plan-boxes.txt'))).document.plans;

  it('keeps the item before a box a task and makes the box points projects', () => {
    expect(plan.tasks.map((t) => [t.id, t.title])).toEqual([
      ['3.1.1', '完善统筹协调机制'],
      ['3.1.2', '健全灾害风险会商研判机制'],
      ['3.2.1', '加强监测站网建设'],
      ['3.2.2', '提高预警发布能力'],
    ]);
    expect(plan.projects.map((p) => [p.id, p.title, p.section.at(-1)])).toEqual([
      ['3.2.专栏2.1', '气象监测站网建设工程', '监测预警能力提升工程'],
      ['3.2.专栏2.2', '地质灾害监测预警工程', '监测预警能力提升工程'],
    ]);
  });

  it('reads an indicator table inside a box with year and unit columns', () => {
    expect(plan.indicators.map((i) => [i.name, i.target.text, i.target.unit, i.nature])).toEqual([
      ['年均因灾直接经济损失占GDP比重', '<1', '%', 'expected'],
      ['每万人拥有应急避难场所面积', '≥1.5', '平方米', 'binding'],
      ['灾害预警信息公众覆盖率', '持续提升', null, 'expected'],
    ]);
  });

  it('reads 牵头 clauses with several leads and a deadline', () => {
    expect(plan.tasks[1].owners!.lead).toEqual(['市应急管理局', '市气象局']);
    expect(plan.tasks[1].deadline).toMatchObject({ date: '2023-12-31', inferred: false });
  });
});

describe('shapes of other sites and typists', async () => {
  const { extractPath } = await import('../../src/pipeline.js');
  const { fixture } = await import('./helpers.js');
  const doc = async (name: string) => (await extractPath(fixture('minimal', name))).document;

  it('reads a table typed with single spaces, a word typed apart from its number included', async () => {
    const [plan] = (await doc('county-plan-space-table.txt')).plans;
    expect(plan.indicators.map((i) => [i.name, i.target.text, i.target.change, i.nature])).toEqual([
      ['生产安全事故死亡人数', '下降10%', 'decrease', 'binding'],
      ['亿元地区生产总值生产安全事故死亡率', '下降30%', 'decrease', 'binding'],
      ['应急避难场所人均面积', '≥1.5平方米', null, 'expected'],
    ]);
  });

  it('reads a page header printed as an HTML table', async () => {
    const [plan] = (await doc('city-plan-header-table.html')).plans;
    expect(plan.meta).toEqual({
      indexNo: '000014349/2022-00012',
      issuer: '某市人民政府办公厅',
      written: '2022-01-05',
      published: '2022-01-10',
      docNumber: '某政办发〔2022〕3号',
    });
  });

  it('joins a title broken over two lines', async () => {
    const [plan] = (await doc('title-over-two-lines.txt')).plans;
    expect(plan.title).toBe('某市应急管理“十四五”规划（2021—2025年）');
    expect(plan.period).toEqual({ start: 2021, end: 2025 });
  });
});
