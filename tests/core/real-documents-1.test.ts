// "Real documents I": owner clauses, time limits and quantities read the way a person reads
// them. Each class has a small text of our own wording in fixtures/minimal/r1-*.
import { describe, expect, it } from 'vitest';
import { extractPath } from '../../src/pipeline.js';
import type { Plan, Task } from '../../src/model/schema.js';
import { findClauses, readClause, resolveOwners } from '../../src/extract/clause.js';
import { foldKey } from '../../src/normalize/piece.js';
import { fixture, extractString } from './helpers.js';

async function plan(name: string): Promise<Plan> {
  const doc = (await extractPath(fixture('minimal', name))).document;
  expect(doc.plans).toHaveLength(1);
  return doc.plans[0];
}

/** title, lead, support, deadline text, date, inferred of every task */
const summary = (ts: Task[]) =>
  ts.map((t) => [t.title, t.owners?.lead ?? null, t.owners?.support ?? null, t.deadline?.text ?? null, t.deadline?.date ?? null, t.deadline?.inferred ?? null]);

const owners = (content: string, form: 'bracket' | 'closing' = 'bracket') => {
  const c = readClause(content, form);
  return c ? resolveOwners(c.fields, c.firstLeads, c.text) : null;
};

describe('1. a time limit and a label inside one clause', () => {
  it('reads the time limit as the deadline, the label as lead, never a time as a unit', async () => {
    const p = await plan('r1-clause-time-and-label.txt');
    expect(summary(p.tasks)).toEqual([
      ['推行审批服务“一网通办”', ['市审批服务局', '市大数据中心'], [], '6月底完成', '2024-06-30', false],
      ['压缩工程建设项目审批时间', ['市住房城乡建设局'], ['市自然资源局', '各街道'], '2024年10月底前完成', '2024-10-31', false],
      ['建立企业诉求快速响应机制', ['市工商联'], [], '持续推进', null, false],
    ]);
  });
});

describe('2. lead and responsible units as lines and in one clause', () => {
  it('gives lead A, support B — lines, one clause, traditional characters, a clause wrapped over two lines', async () => {
    const p = await plan('r1-clause-lines-lead-responsible.txt');
    expect(p.tasks.map((t) => [t.owners?.lead, t.owners?.support])).toEqual([
      [['市安委办'], ['市应急管理局', '市住房城乡建设局']],
      [['市应急管理局'], ['市交通运输局', '市消防救援支队']],
      [['市工業和信息化局'], ['市市場監管局', '各區政府']],
      [['市委宣传部'], ['市应急管理局', '市教育局']],
    ]);
  });
});

describe('3. a clause after a list of sub-items', () => {
  it('covers every item of the list', async () => {
    const p = await plan('r1-clause-after-sublist.txt');
    expect(p.tasks.map((t) => [t.title, t.owners?.lead, t.owners?.support])).toEqual([
      ['开展挥发性有机物综合治理', ['区生态环境局'], ['区住房城乡建设局', '区交通运输局']],
      ['加强扬尘污染精细化管控', ['区生态环境局'], ['区住房城乡建设局', '区交通运输局']],
      ['推进柴油货车污染治理', ['区生态环境局'], ['区住房城乡建设局', '区交通运输局']],
      ['强化重污染天气应对', ['区生态环境局'], ['区住房城乡建设局', '区交通运输局']],
      ['推进入河排污口排查整治', ['区水务局'], ['区生态环境局']],
      ['加强饮用水水源地保护', ['区水务局'], ['区生态环境局']],
    ]);
  });
  it('leaves a list alone where its items name owners of their own', async () => {
    const doc = await extractString(
      ['某区2024年工作要点', '', '一、重点工作', '', '（一）改善空气质量。', '1.治理挥发性有机物。（责任单位：区环保局）', '2.管控扬尘污染。', '3.治理柴油货车。（责任单位：区交通局）'].join('\n'),
    );
    expect(doc.plans[0].tasks.map((t) => t.owners?.lead ?? null)).toEqual([['区环保局'], null, ['区交通局']]);
  });
});

describe('4. role words, collectives, conventions and 等', () => {
  it('reads each form of the fixture', async () => {
    const p = await plan('r1-clause-role-words.txt');
    expect(p.tasks.map((t) => [t.owners?.lead, t.owners?.support])).toEqual([
      [['市发展改革委'], ['市通信管理局']], // A牵头，B配合
      [['市经济信息化局'], []], // （A负责）
      [['市经济信息化局'], ['市财政局', '市科技局']], // B按职责分工配合
      [['市数据局', '市发展改革委'], []], // 牵头部门：A、B
      [['各有关单位'], []], // a bare （各有关单位） closing the item
      [['市委网信办'], ['市公安局']], // the convention, stated here
      [['市政务服务管理局'], ['市数据局']], // … and holding from there on (下同)
      [['市农业农村局'], ['各县区政府']], // "A等，B按职责分工负责" under the convention
      [['市商务局'], []], // "A等按职责分工负责"
      [['城区'], []], // "A等相关区政府负责"
    ]);
  });
  it('reads clauses in isolation', () => {
    expect(owners('A局牵头，B局、各街道配合，2024年10月底前完成')).toMatchObject({ lead: ['A局'], support: ['B局', '各街道'] });
    expect(owners('市卫生健康委等，各县区政府按职责分工负责')).toMatchObject({ lead: ['市卫生健康委', '各县区政府'], support: [] });
    expect(owners('市科技局等按职责分工负责')).toMatchObject({ lead: ['市科技局'] });
    expect(owners('示范区等相关区政府负责')).toMatchObject({ lead: ['示范区'] });
    expect(owners('市教育局、市人社局分别牵头，市财政局配合')).toMatchObject({ lead: ['市教育局', '市人社局'], support: ['市财政局'] });
    expect(owners('甲乙丙丁牵头')).toBeNull(); // what stands before a role word must name a unit
    expect(owners('省教育厅、各高等学校按职责分工负责')).toMatchObject({ lead: ['省教育厅', '各高等学校'] });
    expect(owners('主要责任单位：市发展改革委、市财政局')).toMatchObject({ lead: ['市发展改革委', '市财政局'] });
    expect(owners('责任单位：市发展改革委（牵头）、市财政局、各区政府')).toMatchObject({ lead: ['市发展改革委'], support: ['市财政局', '各区政府'] });
    expect(owners('由市发展改革委牵头，各区政府落实')).toMatchObject({ lead: ['市发展改革委'], support: ['各区政府'] });
    expect(owners('市级牵头单位：市商务局；配合单位：各区；时间：2024年底前')).toMatchObject({ lead: ['市商务局'], support: ['各区'] });
    expect(readClause('市级牵头单位：市商务局；配合单位：各区；时间：2024年底前', 'bracket')!.time).toBe('2024年底前');
    // a bracket in the middle of a sentence needs a label or a role word; one closing it may list units
    expect(owners('市发展改革委、市财政局')).toBeNull();
    expect(owners('市发展改革委、市财政局', 'closing')).toMatchObject({ lead: ['市发展改革委', '市财政局'] });
    expect(owners('含软硬件、系统解决方案', 'closing')).toBeNull();
    expect(owners('2021—2025年', 'closing')).toBeNull();
  });
  it('does not read a sentence about cooperation as an owner clause', () => {
    const text = '落实各方责任。注重发挥市场机制作用,强化社会参与,提升公众自救互救意识。';
    expect(findClauses(text, foldKey(text))).toEqual([]);
  });
  it('reads a closing sentence of role words as a clause', () => {
    const text = '建立重点企业联系制度。市发展改革委牵头，市财政局配合。';
    const hits = findClauses(text, foldKey(text));
    expect(hits.map((h) => resolveOwners(h.clause.fields, false, '')!)).toMatchObject([{ lead: ['市发展改革委'], support: ['市财政局'] }]);
  });
});

describe('5. a deadline after the clause belongs to the task', () => {
  it('makes no second task of "2024年6月底前完成。" and reads time-node lines', async () => {
    const p = await plan('r1-deadline-after-clause.txt');
    expect(summary(p.tasks)).toEqual([
      ['开展汛前隐患排查', ['县水利局'], ['各乡镇人民政府'], '2024年6月底前完成', '2024-06-30', false],
      ['修订防汛应急预案', ['县应急管理局'], [], '2024年汛期前完成', '2024-05-31', false],
      ['落实防汛物资储备', ['县应急管理局'], [], '5月底前出台物资储备方案', '2024-05-31', false],
    ]);
    // the clause, the time limit and the full stop stand side by side: the task's text keeps them so
    expect(p.tasks[0].text).toBe('开展汛前隐患排查。对水库、堤防、山洪灾害易发区开展拉网式排查。（牵头单位：县水利局；责任单位：各乡镇人民政府）2024年6月底前完成。');
    expect(p.tasks[1].text.endsWith('（牵头单位：县应急管理局）2024年汛期前完成。')).toBe(true);
  });
});

describe('6. a time limit in words is kept as written', () => {
  it('keeps 长期坚持 and 持续推进 as text with no date; a one-year plan infers its year end', async () => {
    const p = await plan('r1-time-limit-words.txt');
    expect(p.tasks.map((t) => t.deadline)).toEqual([
      { text: '长期坚持', date: null, inferred: false },
      { text: '持续推进', date: null, inferred: false },
      { text: '年底(2023年)', date: '2023-12-31', inferred: true },
    ]);
  });
});

describe('7. quantities keep their units', () => {
  it('reads magnitudes with units, bounds, ranges and durations', async () => {
    const p = await plan('r1-quantities-with-units.txt');
    expect(p.targets.map((t) => [t.value, t.unit, t.comparator])).toEqual([
      [300, '万亩', 'ge'],
      [2, '万家', null],
      [15000, '吨', 'lt'],
      [8, '个', 'ge'],
      [98, '%', 'ge'],
    ]);
    expect(p.targets[0].text).toBe('确保耕地保有量不低于300万亩');
    expect(p.targets[3].text).toBe('每年培育家庭农场8-10个');
    expect(p.tasks[0].targets.map((t) => [t.value, t.unit, t.comparator])).toEqual([
      [5, '万亩', null],
      [48, '小时', 'le'],
    ]);
  });
});

describe('8. task tables: a 重点任务 column beside 具体措施', () => {
  it('takes the 重点任务 cell as the title (carried down a spanned cell) and the 完成时限 words as the deadline', async () => {
    const p = await plan('r1-task-table-title-column.md');
    expect(summary(p.tasks)).toEqual([
      ['提升开办企业便利度', ['市市场监管局'], ['市税务局', '市人力资源社会保障局'], '2024年6月底', '2024-06-30', false],
      ['提升开办企业便利度', ['市市场监管局'], ['市数据局'], '长期坚持', null, false],
      ['优化工程建设项目审批', ['市自然资源局'], ['市住房城乡建设局'], '持续推进', null, false],
    ]);
    expect(p.tasks[0].text).toBe('推行企业开办“一网通办”，实现1个工作日内办结。');
  });
});

describe('items outside the task part', () => {
  it('makes an item with its own owner clause a task, in the 保障措施 of any kind of document', async () => {
    const doc = await extractString(
      [
        '关于加快发展现代物流的实施意见',
        '',
        '一、重点任务',
        '',
        '1.建设物流枢纽。推进国家物流枢纽建设。（市发展改革委牵头）',
        '',
        '二、保障措施',
        '',
        '1.加强组织领导。建立联席会议制度。（市商务局牵头，市交通运输局配合）',
        '2.强化要素保障。优先保障物流用地。',
      ].join('\n'),
    );
    expect(doc.plans[0].tasks.map((t) => [t.title, t.owners?.lead])).toEqual([
      ['建设物流枢纽', ['市发展改革委']],
      ['加强组织领导', ['市商务局']],
    ]);
  });
});

describe('tables of projects', () => {
  it('reads 项目名称 | 建设内容 | 总投资 | 建设年限 | 责任单位 rows as projects', async () => {
    const p = await plan('r1-project-table.md');
    expect(p.projects.map((t) => [t.title, t.text.replace(/\s+/g, ''), t.owners?.lead, t.deadline?.date])).toEqual([
      ['县城至高铁站快速通道', '县城至高铁站快速通道新建一级公路12公里', ['县交通运输局'], '2023-12-31'],
      ['农村公路提质改造工程', '农村公路提质改造工程改造农村公路200公里', ['县交通运输局', '各乡镇人民政府'], '2025-12-31'],
    ]);
    expect(p.tasks.map((t) => t.title)).toEqual(['完善路网结构']);
  });
});

describe('an assessment whose tasks stand in its attachment', () => {
  it('reads the items of the attachment, time limits followed by what is to be done, and no roster as a task', async () => {
    const p = await plan('r1-assessment-appendix.txt');
    const items = p.tasks.filter((t) => t.owners);
    expect(items.map((t) => [t.owners?.lead, t.deadline?.text, t.deadline?.date])).toEqual([
      [['市政务服务局'], '5月底取得阶段性成效并持续推进', '2023-05-31'],
      [['市政府办公室', '市公安局'], '6月份取得明显成效', '2023-06-30'],
      [['市工信局'], '按进度推进', null],
      [['市大数据局'], '持续优化', null],
    ]);
    expect(p.tasks.some((t) => /组\s*长|附件/.test(t.text))).toBe(false);
  });
});

describe('a clause before the text or in the title', () => {
  it('owns the whole item: no ownerless second task; a span of years is a time limit, never a unit', async () => {
    const p = await plan('r1-clause-before-the-text.txt');
    expect(p.tasks.map((t) => [t.id, t.owners?.lead, t.owners?.support, t.deadline?.date])).toEqual([
      ['1.1', ['县交通运输局'], [], '2024-12-31'],
      ['1.2', ['县交通运输局', '各乡镇人民政府'], [], '2024-12-31'],
      ['1.3', ['县发展改革局'], ['县自然资源局'], '2025-12-31'],
      // clause lines under a heading, before its paragraph
      ['2.1', ['县财政局'], ['县交通运输局'], '2024-12-31'],
    ]);
    expect(p.tasks[0].text).toContain('年底前全部完工');
    expect(p.tasks[1].text).toContain('新增公交线路3条');
  });
});
