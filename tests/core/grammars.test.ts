// Each grammar of grammars/ on real snippets from plans, and on variants of them.
import { describe, expect, it } from 'vitest';
import { numberingOf } from '../../src/outline/tree.js';
import { findClauses, readClause as readFields, resolveOwners } from '../../src/extract/clause.js';
import { findDeadline, deadlineOfTime } from '../../src/extract/deadlines.js';

/** The owners a bracketed clause names (null: not a clause). */
function readClause(content: string) {
  const c = readFields(content, 'bracket');
  return c ? resolveOwners(c.fields, c.firstLeads, c.text) : null;
}
/** The owners a line names when the whole line is a clause. */
function readClauseLine(line: string) {
  const hits = findClauses(line, foldKey(line));
  const h = hits.length === 1 && hits[0].start === 0 ? hits[0] : null;
  return h ? resolveOwners(h.clause.fields, h.clause.firstLeads, h.clause.text) : null;
}
import { parseTarget, findQuantities, isVague } from '../../src/extract/quantity.js';
import { isChrome } from '../../src/ingest/txt.js';
import { isPlanTitle, planKind } from '../../src/outline/plans.js';
import { columnKind, natureOf } from '../../src/extract/tables.js';
import { taskHeader } from '../../src/extract/task-table.js';
import { foldKey } from '../../src/normalize/piece.js';
import { parseDigitsDate } from '../../src/normalize/numbers.js';
import { extractString } from './helpers.js';

describe('headings.yaml: numbering schemes', () => {
  it.each([
    ['第三章   健全应急管理体系', 'chapter', 3],
    ['第十二节 灾害应对', 'section', 12],
    ['一、应急管理工作现状与面临的形势', 'cn-dun', 1],
    ['(二)面临的挑战', 'cn-paren', 2],
    ['（十一）提升数字化应急管理能力', 'cn-paren', 11],
    ['5. 加强风险监测预警预报', 'arabic-dot', 5],
    ['12．加强应急人才培育', 'arabic-dot', 12],
    ['3、健全应急管理责任体系', 'arabic-dot', 3],
    ['（1）完善预案', 'arabic-paren', 1],
    ['③加强演练', 'circled', 3],
    ['专栏4  灾害事故预警信息发布系统建设工程', 'box', 4],
    ['表1  “十四五”时期核心指标', 'table-caption', 1],
  ])('%s → %s %i', (line, scheme, value) => {
    expect(numberingOf(foldKey(line))).toMatchObject({ scheme, value });
  });
  it.each(['2035年,基本实现应急管理体系', '1.5亿元', '5G网络覆盖', '一是加强领导', '1:1000地形图'])('%s is not numbered', (line) => {
    expect(numberingOf(foldKey(line))).toBeNull();
  });
});

describe('owners.yaml: owner clauses', () => {
  it('reads 责任单位 lists', () => {
    expect(readClause('责任单位:协调科、危化科、基础科、监察大队')).toMatchObject({ lead: ['协调科', '危化科', '基础科', '监察大队'], support: [] });
  });
  it('reads full-width and traditional forms alike', () => {
    expect(readClause('責任單位：協調科、應急救援中心')).toMatchObject({ lead: ['協調科', '應急救援中心'] });
    expect(readClause('區安監局牽頭，區政工部、區經發局等有關部門按照職責分工負責')).toMatchObject({ lead: ['區安監局'], support: ['區政工部', '區經發局'] });
  });
  it('splits lead and support at 牵头 and keeps collectives', () => {
    expect(readClause('区安监局、区发展与统计服务中心牵头,各有关部门按照职责分工负责')).toMatchObject({
      lead: ['区安监局', '区发展与统计服务中心'],
      support: ['各有关部门'],
    });
  });
  it('removes spaces inside names and cuts a trailing 等…部门', () => {
    expect(readClause('区安监局牵头,市公安局度假 区分局、区财政局等各行业主管部门按照职责分工负责')).toMatchObject({
      support: ['市公安局度假区分局', '区财政局'],
    });
  });
  it('makes every unit lead where there is no 牵头 part', () => {
    expect(readClause('区安监局,区各行业主管部门、区负有安全生产监管职责的部门按照职责分工负责')!.lead).toHaveLength(3);
  });
  it('keeps brackets inside a unit name and never takes people', () => {
    expect(readClause('牵头单位:市应急局;配合单位:各县(市、区)政府;责任领导:张三')).toMatchObject({ lead: ['市应急局'], support: ['各县(市、区)政府'] });
  });
  it('makes 责任单位 support where a 牵头单位 is named', () => {
    expect(readClause('牵头单位:市应急局;责任单位:市公安局、市交通局')).toMatchObject({ lead: ['市应急局'], support: ['市公安局', '市交通局'] });
  });
  it('reads a clause line after an item', () => {
    expect(readClauseLine('牵头单位：市应急管理局')).toMatchObject({ lead: ['市应急管理局'] });
    expect(readClauseLine('完善应急预案体系。')).toBeNull();
  });
  it('finds clauses in (), （）and 【】 but not other brackets', () => {
    const text = '完善机制(2021—2025年)。(责任单位:办公室)加强建设。【牵头单位：市应急局】';
    expect(findClauses(text, foldKey(text)).map((h) => resolveOwners(h.clause.fields, false, '')!.lead)).toEqual([['办公室'], ['市应急局']]);
  });
  it('finds a bracket before the text that marks its lead with the grammar\'s lead mark (★), no role word in it', () => {
    const text = '（市发展改革委★、市财政局）加强统筹协调，完善工作机制。';
    expect(findClauses(text, foldKey(text)).map((h) => resolveOwners(h.clause.fields, false, ''))).toMatchObject([{ lead: ['市发展改革委'], support: ['市财政局'] }]);
  });
});

describe('deadlines.yaml', () => {
  const plan = { period: { start: 2021, end: 2025 }, year: null };
  const year = { period: { start: 2020, end: 2020 }, year: 2020 };
  it.each([
    ['到2022年底,配合上级部门完成', plan, '2022-12-31'],
    ['2021年10月底前完成修订', plan, '2021-10-31'],
    ['力争在2025年前建成', plan, '2025-12-31'],
    ['到2025年初步建成', plan, '2025-12-31'],
    ['在规划期内建成1个区级仓库', plan, '2025-12-31'],
    ['到“十四五”末,执法人员达标', plan, '2025-12-31'],
    ['“十四五”期间,预警信息覆盖率达95%', plan, '2025-12-31'],
    ['汛期前完成基层防汛责任人调整', year, '2020-05-31'],
    ['汛前建立专家库', year, '2020-05-31'],
    ['年底实现规范化建设全覆盖', year, '2020-12-31'],
    ['2022年第三季度完成', plan, '2022-09-30'],
    ['6月底前完成排查', year, '2020-06-30'],
    ['9月30日前完成验收', year, '2020-09-30'],
    ['２０２３年６月底前完成', plan, '2023-06-30'],
    ['三季度前完成排查', year, '2020-09-30'],
    ['于2024年6月30日完成验收', plan, '2024-06-30'],
    ['2024年6月完成招标', plan, '2024-06-30'],
    ['2025年建成区级仓库', plan, '2025-12-31'],
    ['2024年汛期前完成', plan, '2024-05-31'],
  ])('%s → %s', (text, time, date) => {
    expect(findDeadline(text, time)).toMatchObject({ date, inferred: false });
  });
  it('takes the latest date a text allows', () => {
    expect(findDeadline('2021年全面开展普查,2022年底配合上级完成区划', plan)!.date).toBe('2022-12-31');
  });
  it.each(['用五年时间使培训全覆盖', '同比2019年分别下降20%', '汛期前完成', '5年内关税减让', '一季度增长5%', '2020年完成投资10亿元'])('%s gives no deadline in a five-year plan', (text) => {
    expect(findDeadline(text, plan)).toBeNull();
  });
  it('reads a deadline column cell', () => {
    expect(deadlineOfTime('2024年6月', { period: { start: 2024, end: 2024 }, year: 2024 }).date).toBe('2024-06-30');
    expect(deadlineOfTime('长期坚持', plan)).toEqual({ text: '长期坚持', date: null, inferred: false });
  });
});

describe('quantities.yaml: targets', () => {
  it.each([
    ['下降9%', { comparator: null, value: 9, unit: '%', change: 'decrease' }],
    ['1起以内', { comparator: 'le', value: 1, unit: '起' }],
    ['<0.018', { comparator: 'lt', value: 0.018, unit: null }],
    ['≤0.5%', { comparator: 'le', value: 0.5, unit: '%' }],
    ['＜1％（5 年平均）', { comparator: 'lt', value: 1, unit: '%', note: '5年平均' }],
    ['>2.5㎡', { comparator: 'gt', value: 2.5, unit: '㎡' }],
    ['提升10%', { value: 10, change: 'increase' }],
    ['10小时', { value: 10, unit: '小时' }],
    ['逐年下降', { value: null, change: 'decrease' }],
  ])('%s', (text, expected) => {
    expect(parseTarget(text)).toMatchObject(expected);
  });
  it('finds goals in prose without taking years or durations', () => {
    const hits = findQuantities('确保生产安全事故起数同比2019年分别下降20%以上,“十四五”期间,24小时火灾扑灭率达到98%');
    expect(hits.map((h) => [h.value, h.unit, h.comparator])).toEqual([
      [20, '%', 'ge'],
      [98, '%', null],
    ]);
  });
  it('knows vague targets', () => {
    expect(isVague('逐年下降')).toBe(true);
    expect(isVague('下降10%')).toBe(false);
  });
});

describe('indicator-table.yaml and task-table.yaml: headers', () => {
  it.each([
    ['序号', 'index'],
    ['指标名称', 'name'],
    ['规划指标', 'name'],
    ['指标内容', 'name'],
    ['2025年目标值', 'target'],
    ['预期值', 'target'],
    ['指标性质', 'nature'],
    ['属 性', 'nature'],
    ['類別', 'category'],
  ])('%s → %s', (cell, kind) => expect(columnKind(cell)).toBe(kind));
  it('reads natures', () => {
    expect(['约束性', '约束指标', '約束性', '预期性', '预期指标'].map(natureOf)).toEqual(['binding', 'binding', 'binding', 'expected', 'expected']);
  });
  it('recognises a task-table header', () => {
    expect(taskHeader(['序号', '重点任务', '牵头单位', '配合单位', '完成时限'])).toEqual(['index', 'task', 'lead', 'support', 'deadline']);
    expect(taskHeader(['序号', '工作任务', '牵头单位', '责任单位'])).toEqual(['index', 'task', 'lead', 'support']);
    expect(taskHeader(['序号', '指标名称', '目标值'])).toBeNull();
  });
});

describe('page-chrome.yaml', () => {
  it.each(['语音播报', '扫一扫在手机打开当前页', '您的当前位置: 首页 > 政务公开 > 政策文件', '版权所有:众一秘书网 2005-2024 未经授权禁止复制', '打印 字体:【'])('%s is chrome', (line) => {
    expect(isChrome(foldKey(line))).toBe(true);
  });
  it('does not drop plan text that mentions a web page', () => {
    expect(isChrome(foldKey('依托政府网站和政务新媒体矩阵,及时发布预警信息。'))).toBe(false);
  });
  it('drops a footer in the middle of a plan without cutting the plan', async () => {
    const doc = await extractString('某区应急管理规划\n\n一、主要任务\n\n(一)完善预案。修订预案。\n\n扫一扫在手机打开当前页\n\n(二)加强演练。开展演练。\n\n二、保障措施\n');
    expect(doc.plans[0].tasks.map((t) => t.title)).toEqual(['完善预案', '加强演练']);
  });
});

describe('plan-titles.yaml', () => {
  it.each([
    ['重庆市江北区应急管理“十四五”规划(2021-2025年)', 'plan'],
    ['2020年全区应急管理工作要点', 'workPoints'],
    ['2024年安全生产重点工作任务分工方案', 'taskBreakdown'],
    ['某县防汛抗旱应急能力提升实施方案', 'other'],
  ])('%s is a %s title', (title, kind) => {
    expect(isPlanTitle(foldKey(title))).toBe(true);
    expect(planKind(title)).toBe(kind);
  });
  it.each(['关于印发《2020年全区应急管理工作要点》的通知', '(一)加强组织领导,切实发挥规划引领作用', '现将《规划》印发给你们,请认真贯彻执行。'])('%s is not a plan title', (line) => {
    expect(isPlanTitle(foldKey(line))).toBe(false);
  });
});

describe('meta.yaml', () => {
  it('reads labels with values on the same or the next line, spaces inside labels too', async () => {
    const doc = await extractString('索 引 号：11500105768865765W/2022-00032\n发文字号\n渝府发〔2022〕8号\n成文日期：2022年4月24日\n发布 日期：2022-05-17 来源：某区人民政府\n\n某区应急管理“十四五”规划\n\n一、主要任务\n\n(一)完善预案。修订预案。\n');
    expect(doc.plans[0].meta).toEqual({
      indexNo: '11500105768865765W/2022-00032',
      docNumber: '渝府发〔2022〕8号',
      written: '2022-04-24',
      published: '2022-05-17',
      issuer: '某区人民政府',
    });
  });
  it('reads dates whose 年月日 were lost only when one date fits', () => {
    expect(parseDigitsDate('2022424')).toBe('2022-04-24');
    expect(parseDigitsDate('2023220')).toBe('2023-02-20');
    expect(parseDigitsDate('2022111')).toBeNull();
  });
});

describe('owner clauses and time limits written without brackets', () => {
  it('reads a clause closing a paragraph and skips a time-limit field', async () => {
    const doc = await extractString(
      '2024年安全生产工作要点\n\n一、重点工作\n\n1.健全安全生产责任制度。制定责任清单。牵头单位：市应急局；配合单位：市公安局、市交通局；完成时限：2024年6月\n\n2.开展燃气安全专项整治。完成老旧管网改造。（责任单位：市住建局；完成时限：2024年底）\n',
    );
    expect(doc.plans[0].tasks.map((t) => [t.owners?.lead, t.owners?.support, t.deadline?.date, t.deadline?.inferred])).toEqual([
      [['市应急局'], ['市公安局', '市交通局'], '2024-06-30', false],
      [['市住建局'], [], '2024-12-31', false],
    ]);
  });
});
