// The HTML report as a string: self-contained, escaped, and showing the numbers extract finds.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport, type ReportInput } from '../../src/report/html/index.js';
import { renderSource, type Highlight } from '../../src/report/html/source.js';
import { runReport } from '../../src/cli/report.js';
import { captureIO, cleanPlan, workspace } from '../helpers/cli.js';
import { inputOfText, repo, seedInputs, seedsDir, textOf } from './helpers.js';

let inputs: ReportInput[];
let html: string;

beforeAll(async () => {
  inputs = await seedInputs();
  html = renderReport(inputs, { version: '0.1.0' });
});

/** section of plan `id` (p1, p2 …) */
const section = (id: string) => {
  const start = html.indexOf(`<section class="plan" id="${id}"`);
  expect(start).toBeGreaterThan(0);
  const end = html.indexOf('<section class="plan"', start + 1);
  return html.slice(start, end < 0 ? undefined : end);
};

const plansOf = () => inputs.flatMap((input) => input.analysis.document.plans.map((plan, p) => ({ input, plan, facts: input.analysis.facts.plans[p] })));

describe('self-contained', () => {
  it('names no external resource', () => {
    expect(html).not.toMatch(/https?:/i);
    const attrs = [...html.matchAll(/\s(?:src|href|xlink:href|action|poster|srcset)\s*=\s*["']?([^"'\s>]*)/gi)].map((m) => m[1]);
    expect(attrs.length).toBeGreaterThan(100);
    for (const value of attrs) expect(value, value).toMatch(/^(?:#[\w-]+|data:,?)$/);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/<(?:img|iframe|object|embed|video|audio|source)\b/i);
    expect(html).not.toMatch(/<script\b[^>]*\bsrc/i);
    expect([...html.matchAll(/<link\b[^>]*>/gi)].map((m) => m[0])).toEqual(['<link rel="icon" href="data:,">']);
  });

  it('is Chinese, has landmarks, and every in-page link has a target', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain('<main id="main">');
    expect(html).toMatch(/<nav class="index" aria-labelledby="index-h">/);
    // the markup, plans' sections included (they are opened from their data blocks), not the code
    const markup = html.replace(/<script>[\s\S]*?<\/script>/, '');
    const ids = new Set([...markup.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const duplicates = [...markup.matchAll(/\sid="([^"]+)"/g)].length - ids.size;
    expect(duplicates).toBe(0);
    for (const m of markup.matchAll(/href="#([^"]+)"/g)) expect(ids.has(m[1]), `#${m[1]}`).toBe(true);
    for (const m of markup.matchAll(/data-go="([^"]+)"/g)) expect(ids.has(m[1]), m[1]).toBe(true);
  });

  it("keeps each plan's section out of the page until it is opened: one inert data block per plan", () => {
    const blocks = [...html.matchAll(/<script type="text\/x-plan-section" id="(p\d+)-data">([\s\S]*?)<\/script>/g)];
    expect(blocks.map((b) => b[1])).toEqual(plansOf().map((_, i) => `p${i + 1}`));
    for (const [, id, body] of blocks) {
      expect(body.startsWith(`<section class="plan" id="${id}"`)).toBe(true);
      expect(body).not.toMatch(/<script|<!--/i);
    }
    // outside the blocks: the overview only
    const page = html.replace(/<script[\s\S]*?<\/script>/g, '');
    expect(page).not.toContain('<section class="plan"');
    expect(page).not.toContain('<pre class="source"');
    expect([...page.matchAll(/<a href="#(p\d+)">/g)].map((m) => m[1])).toEqual(blocks.map((b) => b[1]));
  });

  it('tables have captions and scoped headers', () => {
    const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => m[1]);
    expect(tables.length).toBeGreaterThan(10);
    for (const t of tables) {
      expect(t).toMatch(/^<caption>/);
      expect(t).toMatch(/<th scope="col"/);
      expect(t).not.toMatch(/<th(?=[\s>])(?![^>]*\bscope=)[^>]*>/);
    }
  });

  it('is deterministic', async () => {
    expect(renderReport(await seedInputs(), { version: '0.1.0' })).toBe(html);
    expect(html).not.toMatch(/生成于/);
    expect(renderReport(inputs, { version: '0.1.0', generated: '2024-05-01' })).toContain('生成于 2024-05-01');
  });
});

describe('numbers equal extract', () => {
  it('one index row and one section per plan, with its counts', () => {
    const plans = plansOf();
    expect(plans.length).toBe(7);
    const index = html.slice(html.indexOf('<nav class="index"'), html.indexOf('</nav>'));
    expect([...index.matchAll(/<tr><th scope="row"><a href="#p\d+">/g)].length).toBe(plans.length);
    plans.forEach(({ plan }, i) => {
      const s = section(`p${i + 1}`);
      const count = (key: string) => /data-count="([^"]+)">([^<]+)</.exec(s.slice(s.indexOf(`data-count="${key}"`) - 1))![2];
      expect(count('indicators')).toBe(String(plan.indicators.length));
      expect(count('tasks')).toBe(String(plan.tasks.length));
      expect(count('projects')).toBe(String(plan.projects.length));
      // every task, indicator and project has a row and a highlighted span in the source
      expect([...s.matchAll(/<tr id="p\d+-t\d+">/g)].length).toBe(plan.tasks.length);
      expect([...s.matchAll(/<tr id="p\d+-i\d+"/g)].length).toBe(plan.indicators.length);
      expect([...s.matchAll(/<tr id="p\d+-g\d+">/g)].length).toBe(plan.projects.length);
      expect([...s.matchAll(/<a id="p\d+-t\d+-src" class="hl hl-task"/g)].length).toBe(plan.tasks.length);
      expect([...s.matchAll(/<a id="p\d+-i\d+-src" class="hl hl-indicator"/g)].length).toBe(plan.indicators.length);
    });
  });

  it('the owner coverage of the work points is 64/64 and its units add up to the tasks', () => {
    const i = plansOf().findIndex(({ plan }) => plan.kind === 'workPoints');
    const { plan } = plansOf()[i];
    const s = section(`p${i + 1}`);
    expect(s).toContain(`data-count="owner-coverage">100%<`);
    const groupCounts = [...s.matchAll(/<th scope="rowgroup" colspan="4">[^<]*<span class="count">(\d+) 项<\/span>/g)].map((m) => Number(m[1]));
    expect(groupCounts.reduce((a, b) => a + b, 0)).toBe(plan.tasks.length);
    // the bar chart shows the same counts, largest first
    const bars = [...s.matchAll(/class="bar-value">(\d+)</g)].map((m) => Number(m[1]));
    expect(bars).toEqual(groupCounts);
    expect([...bars].sort((a, b) => b - a)).toEqual(bars);
  });

  it('tasks without owners are one group of their own', () => {
    const i = plansOf().findIndex(({ plan }) => plan.tasks.length > 0 && plan.tasks.every((t) => !t.owners));
    const s = section(`p${i + 1}`);
    expect(s).toMatch(new RegExp(`<tbody id="p${i + 1}-u1" class="group unowned"><tr><th scope="rowgroup" colspan="4">未明确责任单位<span class="count">${plansOf()[i].plan.tasks.length} 项`));
  });

  it('vague targets are flagged in the indicator table, as the analysis judged them', () => {
    const all = plansOf();
    const i = all.findIndex(({ facts }) => facts.indicators.some((x) => x.target === 'vague'));
    expect(i).toBeGreaterThanOrEqual(0);
    const s = section(`p${i + 1}`);
    all[i].plan.indicators.forEach((ind, k) => {
      const row = new RegExp(`<tr id="p${i + 1}-i${k + 1}"( class="flag-vague")?>`).exec(s)!;
      expect(Boolean(row[1]), ind.name).toBe(all[i].facts.indicators[k].target === 'vague');
    });
  });

  it('the owner clause inside a task is marked', () => {
    const i = plansOf().findIndex(({ plan }) => plan.kind === 'workPoints');
    const s = section(`p${i + 1}`);
    const mark = new RegExp(`<mark id="p${i + 1}-t1-src-owner"[^>]*>([\\s\\S]*?)</mark>`).exec(s)!;
    expect(textOf(mark[1])).toBe('责任单位:协调科、应急救援中心');
  });
});

describe('escaping', () => {
  const hostile = [
    '关于印发<script>alert("x")</script>工作要点的通知',
    '',
    '2024年<img src=x onerror=alert(1)>工作要点',
    '',
    '一、重点任务',
    '(一)加强"引号"&\'撇号\'<b>治理</b>。落实</pre><script>alert(2)</script>责任。(责任单位:区<i>应急</i>局)',
    '(二)完善XX机制。建立健全工作机制。(责任单位:区财政局)',
    '(三)防止注入。不写<!--注释-->也不写</script><script>alert(3)</script>。(责任单位:区财政局)',
  ].join('\n');
  let input: ReportInput;
  let out: string;
  beforeAll(async () => {
    input = await inputOfText(hostile, 'a"<b>&.txt');
    out = renderReport([input], { title: '<title>"x"', generated: '<b>&' });
  });

  it('extraction found the hostile text (so the test means something)', () => {
    expect(input.analysis.document.plans[0].tasks.length).toBe(3);
    expect(input.analysis.document.plans[0].tasks[0].text).toContain('<script>');
  });

  it('never lets input text become markup', () => {
    // the page's script and the plan's data block, nothing else
    expect([...out.matchAll(/<script\b/gi)].length).toBe(2);
    expect([...out.matchAll(/<script type="text\/x-plan-section" id="p1-data">/g)].length).toBe(1);
    expect([...out.matchAll(/<\/script>/gi)].length).toBe(2);
    expect(out).not.toMatch(/<img\b/i);
    expect(out).not.toMatch(/<(?:b|i)>/);
    expect(out).not.toMatch(/<\/pre><script/);
    expect(out).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(out).toContain('加强&quot;引号&quot;&amp;&#39;撇号&#39;&lt;b&gt;治理&lt;/b&gt;');
    expect(out).toContain('<title>&lt;title&gt;&quot;x&quot;</title>');
    expect(out).toContain('a&quot;&lt;b&gt;&amp;.txt');
    expect(out).toContain('生成于 &lt;b&gt;&amp;');
  });

  it('the source text reads back exactly', () => {
    const pre = /<pre class="source"[^>]*>([\s\S]*?)<\/pre>/.exec(out)![1];
    expect(textOf(pre)).toBe(hostile);
  });
});

describe('renderSource', () => {
  const h = (start: number, end: number, level: 0 | 1, id: string): Highlight => ({ start, end, level, cls: 'c', ref: `r-${id}`, id, label: id });

  it('splits crossing spans so that elements nest and links never nest', () => {
    const text = '0123456789abcdefghij';
    // two records overlapping (6–9), a mark crossing the first record's end, a mark inside
    const { html: out, emitted } = renderSource(text, 0, text.length, [h(2, 9, 0, 'A'), h(6, 14, 0, 'B'), h(7, 12, 1, 'M'), h(3, 4, 1, 'N')]);
    expect(textOf(out)).toBe(text);
    expect([...emitted].sort()).toEqual(['A', 'B', 'M', 'N']);
    const stack: string[] = [];
    for (const m of out.matchAll(/<(\/?)(a|mark)\b/g)) {
      if (m[1]) expect(stack.pop()).toBe(m[2]);
      else {
        if (m[2] === 'a') expect(stack).not.toContain('a');
        stack.push(m[2]);
      }
    }
    expect(stack).toEqual([]);
    // every id once, on the first segment; later segments share data-src
    for (const id of ['A', 'B', 'M', 'N']) expect([...out.matchAll(new RegExp(` id="${id}"`, 'g'))].length).toBe(1);
    expect([...out.matchAll(/data-src="M"/g)].length).toBe(2);
    // B starts where A ends, M covers 7–12 across both
    expect(textOf(/<a id="A"[^>]*>([\s\S]*?)<\/a>/.exec(out)![1])).toBe('2345678');
  });

  it('leaves spans outside the shown range out', () => {
    const { html: out, emitted } = renderSource('abcdef', 0, 3, [h(4, 6, 0, 'X'), h(1, 2, 0, 'Y')]);
    expect(emitted.has('X')).toBe(false);
    expect(textOf(out)).toBe('abc');
  });
});

describe('runReport', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'plan-lint-report-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a bad input in one line, writes the others and exits 2', async () => {
    const empty = path.join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const out = path.join(dir, 'r.html');
    const c = captureIO({ cwd: repo });
    const code = await runReport([path.join(seedsDir, 'district-work-points-2020.txt'), empty, path.join(dir, 'missing.txt')], { output: out, locale: 'en' }, c.io);
    expect(code).toBe(2);
    expect(c.stderr()).toMatch(/^plan-lint: .*empty\.txt: empty file, not a plan text\nplan-lint: .*missing\.txt: no such file or directory\n$|^plan-lint: .*missing\.txt: no such file or directory\nplan-lint: .*empty\.txt: empty file, not a plan text\n$/);
    const written = readFileSync(out, 'utf8');
    expect(written).toContain('2020年全区应急管理工作要点');
    expect(written).toContain('未纳入报告的文件');
  });

  it('shows the progress bar over a corpus on a terminal, and none when standard error is not one', async () => {
    const files = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`p${String(i).padStart(2, '0')}.txt`, cleanPlan.replace('示范区', `第${i}区`)]));
    const corpus = workspace(files);
    const out = path.join(dir, 'corpus.html');
    const tty = captureIO({ cwd: corpus, stderrIsTTY: true });
    expect(await runReport(['.'], { output: out }, tty.io)).toBe(0);
    expect(tty.stderr()).toMatch(/\d+\/25 个文件/);
    expect([...readFileSync(out, 'utf8').matchAll(/<script type="text\/x-plan-section"/g)]).toHaveLength(25);
    const plain = captureIO({ cwd: corpus });
    expect(await runReport(['.'], { output: out }, plain.io)).toBe(0);
    expect(plain.stderr()).toBe('');
  });

  it('exits 1 when a plan has lint errors and 0 when none', async () => {
    const io = captureIO({ cwd: repo }).io;
    expect(await runReport([path.join(seedsDir, 'city-emergency-plan-placeholders.txt')], { output: path.join(dir, 'a.html') }, io)).toBe(1);
    expect(await runReport([path.join(seedsDir, 'resort-three-plans-notice.txt')], { output: path.join(dir, 'b.html') }, io)).toBe(0);
  });
});

describe('repeated diagnostics', () => {
  it('one entry per message with a count, every place still a link to its span', async () => {
    const tasks = Array.from({ length: 15 }, (_, i) => `(${i + 1})完善XX机制第${i + 1}项。建立健全工作机制。(责任单位:区财政局)`);
    const text = ['2024年示范区应急管理工作要点', '', '一、重点任务', ...tasks, '二、保障措施', '(一)加强组织领导。'].join('\n');
    const input = await inputOfText(text);
    const placeholders = input.messages.filter((m) => m.ruleId === 'placeholder-text');
    expect(placeholders).toHaveLength(15);
    expect(new Set(placeholders.map((m) => m.message)).size).toBe(1);
    const out = renderReport([input]);
    const diags = /<ol class="diags">([\s\S]*?)<\/ol>/.exec(out)![1];
    const entries = [...diags.matchAll(/<li id="(p1-d\d+)" class="d-(\w+)">([\s\S]*?)<\/li>/g)];
    const entry = entries.find((e) => e[3].includes('placeholder-text'))!;
    // one entry: the first place, the count, 12 more places shown and 2 folded away
    expect(entries.filter((e) => e[3].includes('placeholder-text'))).toHaveLength(1);
    expect(entry[2]).toBe('error');
    expect(textOf(entry[3])).toContain('共 15 处');
    const links = [...entry[3].matchAll(/data-go="([^"]+)"/g)].map((m) => m[1]);
    expect(links).toHaveLength(15);
    expect(/<details><summary>另 2 处<\/summary>/.test(entry[3])).toBe(true);
    // every place's highlight in the source leads back to the one entry
    for (const id of links) expect(out).toMatch(new RegExp(`<mark id="${id}" class="hl hl-diag d-error[^"]*" data-ref="${entry[1]}"`));
    // the counts in the plan's header still count every diagnostic
    expect(out).toMatch(/data-count="errors">15</);
  });
});
