// Shapes met on plans the tool had not seen while its grammars were written: Markdown bold
// titles closed after Chinese punctuation, and units written in an indicator's name that are
// measures rather than counts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractString, fixture } from './helpers.js';

const doc = () => extractString(readFileSync(fixture('minimal', 'md-bold-titles-and-name-units.md'), 'utf8'), 'md');

describe('Markdown bold item titles ending in Chinese punctuation', () => {
  it('"**加强移动源污染防治。**淘汰…" is a title in bold, not text with asterisks (CommonMark alone keeps them)', async () => {
    const tasks = (await doc()).plans[0].tasks;
    expect(tasks.map((t) => t.title)).toEqual(['加强移动源污染防治', '推进扬尘精细化管控']);
    expect(tasks.every((t) => !t.text.includes('*'))).toBe(true);
    expect(tasks.map((t) => t.owners?.lead)).toEqual([['市公安局', '市交通运输局'], ['市住房城乡建设局']]);
  });
});

describe('units written in an indicator name', () => {
  it('measures (微克/立方米) and ages (岁) are the indicator unit', async () => {
    const indicators = (await doc()).plans[0].indicators;
    expect(indicators.map((i) => [i.target?.value, i.target?.unit])).toEqual([
      [32, '微克/立方米'],
      [79, '岁'],
    ]);
  });
});

describe('time limits and unit names inside clauses', () => {
  it('"今年底前完成" is a time limit, "2024.6" a date, and a hotline centre with digits in its name a unit', async () => {
    const tasks = (await extractString(readFileSync(fixture('minimal', 'work-points-time-limits-in-clauses.txt'), 'utf8'))).plans[0].tasks;
    expect(tasks.map((t) => [t.owners?.lead, t.owners?.support, t.deadline?.text, t.deadline?.date])).toEqual([
      [['市政务服务局'], ['各有关部门'], '2024年9月30日前完成', '2024-09-30'],
      [['市市场监管局', '市发展改革委'], [], '三季度末前完成', '2024-09-30'],
      [['市住建局'], [], '今年底前完成', '2024-12-31'],
      [['市12345热线中心'], [], '2024.6', '2024-06-30'],
      [['市工信局'], ['市财政局', '市国资委'], '6月30日前', '2024-06-30'],
      [['市工商联'], [], '长期坚持', null],
    ]);
  });
});

describe('labels on one line without a separator', () => {
  it('"牵头单位：A 责任单位：B、C" and "（责任单位：A  完成时限：…）" are two fields each, once the spaces between them are dropped', async () => {
    const tasks = (await extractString(readFileSync(fixture('minimal', 'work-points-labels-on-one-line.txt'), 'utf8'))).plans[0].tasks;
    expect(tasks.map((t) => [t.owners?.lead, t.owners?.support, t.deadline?.text])).toEqual([
      [['区商务局'], [], '年底(2025年)'],
      [['区投资促进中心'], ['区商务局', '区发改局'], '年底(2025年)'],
      [['区政府办公室'], [], '2025年6月'],
    ]);
  });
});

describe('unit names after a dash', () => {
  it('"…新增算力资源20%。——市大数据局" names the responsible unit; a dash in prose names none', async () => {
    const tasks = (await extractString(readFileSync(fixture('minimal', 'work-points-dash-owner.txt'), 'utf8'))).plans[0].tasks;
    expect(tasks[0].owners?.lead).toEqual(['市大数据局']);
    const prose = await extractString('某市2024年工作要点\n\n一、重点任务\n1.坚持创新驱动——把创新摆在发展全局的核心位置。\n');
    expect(prose.plans[0].tasks[0].owners).toBeNull();
  });
});

describe('compound units in prose targets', () => {
  it('"控制在30微克/立方米以内" keeps the whole unit', async () => {
    const doc = await extractString('某区2024年生态环境保护工作要点\n\n一、重点任务\n（一）持续改善空气质量。PM2.5年均浓度控制在30微克/立方米以内。（责任单位：区生态环境局）\n');
    expect(doc.plans[0].tasks[0].targets.map((t) => [t.value, t.unit, t.comparator])).toEqual([[30, '微克/立方米', 'le']]);
  });
});

describe('a lead marked by a star', () => {
  it('"市自然资源和规划局★、市生态环境局": the starred unit leads, without its star', async () => {
    const doc = await extractString('某市2024年工作要点\n\n一、重点任务\n1.加强要素保障。（责任单位：市自然资源和规划局★、市生态环境局）\n2.推进项目。（责任单位：市发改委、市财政局*）\n');
    expect(doc.plans[0].tasks.map((t) => [t.owners?.lead, t.owners?.support])).toEqual([
      [['市自然资源和规划局'], ['市生态环境局']],
      [['市财政局'], ['市发改委']],
    ]);
  });
});

describe('a box drawn as a one-column table in HTML', () => {
  it('"专栏1 综合交通重大工程" with one entry per row gives one project per entry', async () => {
    const doc = await extractString(readFileSync(fixture('minimal', 'html-box-as-one-column-table.html'), 'utf8'), 'html');
    const p = doc.plans[0];
    expect(p.projects.map((x) => x.title)).toEqual(['高速公路', '铁路', '机场']);
    expect(p.tasks.map((t) => t.title)).toEqual(['构建现代化综合交通网络', '提升运输服务质量']);
  });
});

describe('a lead marked in traditional characters', () => {
  it('"市應急局（牽頭）、市公安局" marks the first unit as lead, as "（牵头）" does (the mark is read on the folded text)', async () => {
    const text = '某市2024年安全生產工作要點\n一、重點任務\n（一）完善應急預案體系。（責任單位：市應急局（牽頭）、市公安局）\n（二）健全監測預警機制。（责任单位：市气象局（牵头）、市水务局）\n';
    const owners = (await extractString(text, 'txt')).plans[0].tasks.map((t) => [t.owners?.lead, t.owners?.support]);
    expect(owners).toEqual([
      [['市應急局'], ['市公安局']],
      [['市气象局'], ['市水务局']],
    ]);
  });
});

describe('a lead marked in a sentence that names its units', () => {
  it('"A★、B按职责分工负责" reads A as lead and B as support, as the same list after 责任单位： does', async () => {
    const text =
      '某市安全生产工作要点\n一、重点任务\n' +
      '（一）加强消防安全。开展高层建筑消防隐患排查整治。市消防救援支队★、市卫健委按职责分工负责。\n' +
      '（二）加强燃气安全。开展燃气管道更新改造。（责任单位：市住建局★、市城管局）\n' +
      '（三）加强交通安全。开展道路隐患排查。市交通局、市公安局按职责分工负责。\n';
    const owners = (await extractString(text, 'txt')).plans[0].tasks.map((t) => [t.owners?.lead, t.owners?.support]);
    expect(owners).toEqual([
      [['市消防救援支队'], ['市卫健委']],
      [['市住建局'], ['市城管局']],
      // no mark: both take the role word, as before
      [['市交通局', '市公安局'], []],
    ]);
  });
});
