// The same plan read from an HTML page and from a Word document gives the model its .txt gives.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractPath } from '../../src/pipeline.js';
import { SEEDS, essence, extractString, fixture, seedText } from './helpers.js';
import { htmlPage, wordDocument } from './render.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'plan-lint-'));
const md = (seed: string) => readFileSync(fixture('md', `${seed}.md`), 'utf8');
/** what must be equal across formats: indicators, tasks, owners, deadlines */
const core = (doc: Parameters<typeof essence>[0]) => essence(doc).map((p) => ({ title: p.title, indicators: p.indicators, tasks: p.tasks }));

describe.each([SEEDS.district, SEEDS.workPoints, SEEDS.county])('%s', async (seed) => {
  const fromTxt = core(await extractString(seedText(seed)));

  it('reads the same from a government HTML page (UTF-8)', async () => {
    const file = path.join(tmp(), `${seed}.html`);
    writeFileSync(file, htmlPage(md(seed)));
    const r = await extractPath(file);
    expect(r.source.format).toBe('html');
    expect(core(r.document)).toEqual(fromTxt);
  });

  it('reads the same from a GB2312-declared page in GBK bytes', async () => {
    const file = path.join(tmp(), `${seed}.htm`);
    writeFileSync(file, iconv.encode(htmlPage(md(seed), 'gb2312'), 'gbk'));
    const r = await extractPath(file);
    expect(r.source.encoding).toBe('gb18030');
    expect(core(r.document)).toEqual(fromTxt);
  });

  it('reads the same from a Word document', async () => {
    const file = path.join(tmp(), `${seed}.docx`);
    writeFileSync(file, await wordDocument(md(seed)));
    const r = await extractPath(file);
    expect(r.source.format).toBe('docx');
    expect(core(r.document)).toEqual(fromTxt);
  });

  it('reads the same from GB18030-encoded text', async () => {
    const file = path.join(tmp(), `${seed}.txt`);
    writeFileSync(file, iconv.encode(seedText(seed), 'gb18030'));
    expect(core((await extractPath(file)).document)).toEqual(fromTxt);
  });
});

describe('HTML pages', () => {
  it('drops navigation, breadcrumb, share bar, scripts and footer', async () => {
    const file = path.join(tmp(), 'page.html');
    writeFileSync(file, htmlPage(md(SEEDS.workPoints)));
    const r = await extractPath(file);
    const text = r.blocks.map((b) => b.text).join('\n');
    for (const chrome of ['政务公开', '您的当前位置', '分享到', '_hmt', '版权所有', '扫一扫']) expect(text).not.toContain(chrome);
    expect(r.document.plans[0].tasks).toHaveLength(64);
  });

  it('gives a 类别 cell spanning rows to every row it spans, and points into the HTML source', async () => {
    const html = `<html><body><h1>某县“十四五”应急管理规划</h1><h2>二、主要目标</h2>
<table><tr><th>类别</th><th>指标名称</th><th>2025年目标值</th><th>属性</th></tr>
<tr><td rowspan="2">安全生产</td><td>生产安全事故死亡人数</td><td>下降10%</td><td>约束性</td></tr>
<tr><td>道路交通万车死亡率</td><td>&lt;1.35</td><td>预期性</td></tr>
<tr><td>防灾减灾</td><td>年均因灾直接经济损失占地区生产总值比例</td><td>≤1%</td><td>预期性</td></tr></table>
<h2>三、主要任务</h2><p>（一）完善应急指挥体系。到2024年底建成指挥中心。（县应急管理局牵头，县公安局配合）</p></body></html>`;
    const file = path.join(tmp(), 'rowspan.html');
    writeFileSync(file, html);
    const { document, source } = await extractPath(file);
    const [plan] = document.plans;
    expect(plan.indicators.map((i) => [i.category, i.name, i.target.text])).toEqual([
      ['安全生产', '生产安全事故死亡人数', '下降10%'],
      ['安全生产', '道路交通万车死亡率', '<1.35'],
      ['防灾减灾', '年均因灾直接经济损失占地区生产总值比例', '≤1%'],
    ]);
    const task = plan.tasks[0];
    expect(task.owners).toMatchObject({ lead: ['县应急管理局'], support: ['县公安局'] });
    expect(task.deadline).toMatchObject({ date: '2024-12-31', inferred: false });
    expect(source.text.slice(task.span.start.offset, task.span.start.offset + 8)).toBe('完善应急指挥体系');
    expect(task.span.start.line).toBe(html.split('\n').findIndex((l) => l.includes('完善应急指挥体系')) + 1);
  });

  it('numbers ordered lists so their items are outline items', async () => {
    const html = '<html><body><h1>2024年应急管理工作要点</h1><h2>一、重点工作</h2><ol><li>完善预案体系。修订总体预案。（责任单位：区应急管理局）</li><li>加强队伍建设。组建专业队伍。（责任单位：区消防救援大队）</li></ol></body></html>';
    const file = path.join(tmp(), 'list.html');
    writeFileSync(file, html);
    const [plan] = (await extractPath(file)).document.plans;
    expect(plan.tasks.map((t) => [t.id, t.title, t.owners?.lead])).toEqual([
      ['1.1', '完善预案体系', ['区应急管理局']],
      ['1.2', '加强队伍建设', ['区消防救援大队']],
    ]);
  });
});

describe('Word documents', () => {
  it('report positions as paragraph numbers', async () => {
    const file = path.join(tmp(), 'plan.docx');
    writeFileSync(file, await wordDocument('# 2024年应急管理工作要点\n\n## 一、重点工作\n\n（一）完善预案体系。修订总体预案。（责任单位：区应急管理局）\n\n（二）加强队伍建设。组建专业队伍。（责任单位：区消防救援大队）\n'));
    const [plan] = (await extractPath(file)).document.plans;
    expect(plan.tasks.map((t) => [t.span.start.line, t.owners?.lead])).toEqual([
      [3, ['区应急管理局']],
      [4, ['区消防救援大队']],
    ]);
  });
});
