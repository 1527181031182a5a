// "Real documents II", the structure classes: which part of a plan holds its tasks, which
// entries are projects, numbering as published, tables of contents with page numbers.
// Texts of our own wording in fixtures/minimal/r2-outline-*.
import { describe, expect, it } from 'vitest';
import { extractPath } from '../../src/pipeline.js';
import type { Plan } from '../../src/model/schema.js';
import { fixture, extractString } from './helpers.js';

async function plan(name: string): Promise<Plan> {
  const doc = (await extractPath(fixture('minimal', name))).document;
  expect(doc.plans).toHaveLength(1);
  return doc.plans[0];
}

describe('a national-style Markdown plan (篇/章/节, bold item titles, 专栏 boxes)', () => {
  it('takes no task from the background, guiding thought, principles or goals', async () => {
    const p = await plan('r2-outline-national-markdown.md');
    expect(p.tasks.map((t) => t.title)).toEqual(['推进实验室体系建设', '建设重大科技基础设施', '加强关键核心技术攻关', '推动产业链现代化']);
    expect(p.tasks.some((t) => /基本原则|指导思想|发展基础/.test(t.section.join()))).toBe(false);
  });
  it('makes one project per numbered entry of a 专栏 and per item of a 实施重大工程 chapter', async () => {
    const p = await plan('r2-outline-national-markdown.md');
    expect(p.projects.map((t) => t.title)).toEqual(['重大创新平台', '关键核心技术攻关', '创新人才引育', '高速铁路建设工程', '机场建设工程']);
  });
  it('still reads the goals nested in a 篇 as prose targets', async () => {
    const p = await plan('r2-outline-national-markdown.md');
    expect(p.targets.map((t) => t.text).slice(0, 2)).toEqual(['全省地区生产总值年均增长6%左右', '研究与试验发展经费投入强度达到2.5%以上']);
  });
  it('keeps the text of a section that holds a box as its task', async () => {
    const p = await plan('r2-outline-national-markdown.md');
    expect(p.tasks[2].text).toMatch(/^实施关键核心技术攻关工程。/);
  });
});

describe('a 专栏 that is the indicator table', () => {
  it('is no project', async () => {
    const doc = await extractString(
      [
        '某县应急管理“十四五”规划',
        '',
        '一、主要任务',
        '',
        '（一）完善应急预案体系。修订总体应急预案。',
        '',
        '专栏1  主要指标',
        '序号\t指标名称\t目标值\t指标性质',
        '1\t生产安全事故死亡人数\t下降10%\t约束性',
        '2\t应急救援队伍覆盖率\t100%\t预期性',
        '',
        '专栏2  应急指挥平台建设工程',
        '建设县级应急指挥平台，实现视频会商全覆盖。',
      ].join('\n'),
    );
    const p = doc.plans[0];
    expect(p.indicators.map((i) => i.name)).toEqual(['生产安全事故死亡人数', '应急救援队伍覆盖率']);
    expect(p.projects.map((t) => t.title)).toEqual(['应急指挥平台建设工程']);
  });
});

describe('numbering as published', () => {
  it('reads items numbered 1﹒ and 1．, and a heading alone on its line followed by its paragraph', async () => {
    const p = await plan('r2-outline-small-full-stop.txt');
    expect(p.tasks.map((t) => [t.id, t.title, t.owners?.lead])).toEqual([
      ['1.1.1', '推进工业互联网外网建设', ['省通信管理局']],
      ['1.1.2', '推进企业内网改造升级', ['省经济信息化厅']],
      ['1.2.3', '建设综合型平台', ['省经济信息化厅']],
      ['2.1', '加强统筹协调', ['省经济信息化厅']],
      ['2.2', '强化资金保障', ['省财政厅']],
    ]);
    expect(p.tasks[3].text).toBe('建立省级工作专班，统筹推进重大事项。（责任单位：省经济信息化厅）');
  });
});

describe('a table of contents whose entries carry page numbers', () => {
  it('is skipped, and the body after it is read', async () => {
    const p = await plan('r2-outline-toc-page-numbers.txt');
    expect(p.tasks.map((t) => t.title)).toEqual(['建设区域创新高地', '培育数字产业集群']);
    expect(p.targets.map((t) => t.value)).toEqual([12]);
  });
});

describe('an attachment that is no plan of its own', () => {
  it('gives no task (a list of names under 附件)', async () => {
    const p = await plan('r2-outline-appendix-names.txt');
    expect(p.tasks.map((t) => t.title)).toEqual(['加强组织领导', '完善基础设施']);
  });
});

describe('numbered entries joined into one Markdown paragraph by soft line breaks', () => {
  it('are entries of their own (one project each)', async () => {
    const p = await plan('r2-outline-box-entries-one-paragraph.md');
    expect(p.projects.map((t) => t.title)).toEqual(['危险化学品', '烟花爆竹', '矿山']);
  });
});
