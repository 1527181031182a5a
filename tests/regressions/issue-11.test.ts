// The seven bugs of issue 11, each reproduced on the code before its fix (failing first).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapOrdered } from '../../src/run/pool.js';
import { extractText } from '../../src/pipeline.js';
import { lint } from '../../src/lint/engine.js';
import { expandInputs } from '../../src/ingest/walk.js';
import { preparePlans, NO_OWNER } from '../../src/report/html/prepare.js';
import { readTxt } from '../../src/ingest/txt.js';
import { SourceText } from '../../src/ingest/source-text.js';
import { findTables } from '../../src/extract/tables.js';
import { runExtract } from '../../src/cli/extract.js';
import { runCheck } from '../../src/cli/check.js';
import type { RunIO } from '../../src/run/io.js';

const drain = () => new Promise<void>((resolve) => setImmediate(resolve));
const analyze = (text: string, format: 'txt' | 'md' = 'txt') => extractText(text, { path: `plan.${format}`, sha256: '', encoding: 'utf-8', format });

describe('bug 1: the ordered pool finishes with three or more runners waiting', () => {
  it('a slow first item and many quick ones, three jobs: every result emitted, in order, and the pool settles', async () => {
    let releaseFirst!: () => void;
    const first = new Promise<void>((resolve) => (releaseFirst = resolve));
    const emitted: number[] = [];
    let settled = false;
    const items = Array.from({ length: 60 }, (_, i) => i);
    const run = (async () => {
      for await (const r of mapOrdered(items, 3, async (i) => {
        if (i === 0) await first;
        return i;
      }))
        emitted.push(r);
      settled = true;
    })();
    for (let k = 0; k < 20; k++) await drain();
    releaseFirst();
    for (let k = 0; k < 50; k++) await drain();
    expect(emitted).toEqual(items);
    expect(settled).toBe(true);
    await run;
  });
});

describe('bug 2: many small tables', () => {
  it('640 small indicator tables, printed one cell per line, are all read', () => {
    // 640 tables of 60 rows: 150 000 blocks, more arguments than a spread can pass
    const table = ['序号', '指标名称', '目标值', '属性', ...Array.from({ length: 60 }, (_, r) => [String(r + 1), `指标${r + 1}`, '≥90%', '约束性']).flat()].join('\n');
    const text = Array.from({ length: 640 }, (_, k) => `${table}\n说明：以上为第${k + 1}表。`).join('\n');
    const { blocks } = readTxt(new SourceText(text));
    expect(blocks.length).toBeGreaterThan(150_000);
    expect(findTables(blocks).tables).toHaveLength(640);
  });

  it('an internal error names the file it happened on', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-lint-bug2-'));
    try {
      writeFileSync(path.join(dir, 'plan.txt'), '示范区应急管理“十四五”规划\n');
      const overflow = async () => {
        throw new RangeError('Maximum call stack size exceeded');
      };
      for (const run of [
        (io: RunIO) => runExtract(['plan.txt'], { extract: overflow }, io),
        (io: RunIO) => runCheck(['plan.txt'], { extract: overflow }, io),
      ]) {
        let stderr = '';
        const io: RunIO = { cwd: dir, env: {}, stdout: () => {}, stderr: (s) => void (stderr += s), stdin: async () => new Uint8Array(), isTTY: false, stderrIsTTY: false };
        expect(await run(io)).toBe(2);
        expect(stderr).toBe('plan-lint: plan.txt: 内部错误：Maximum call stack size exceeded\n');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bug 3: one meaning of "has an owner"', () => {
  it('a task with only a support unit passes check and is not listed as unowned in the report', async () => {
    const text = [
      '示范区应急管理“十四五”规划(2021—2025年)',
      '一、主要任务',
      '(一)健全应急指挥体系。完善区应急指挥部运行机制。(责任单位:区应急管理局)',
      '(二)加强监测预警。建设综合监测预警平台。(配合单位:区气象局)',
      '',
    ].join('\n');
    const result = await analyze(text);
    const messages = lint(result);
    expect(messages.filter((m) => m.ruleId === 'task-missing-owner')).toEqual([]);
    const [view] = preparePlans([{ file: 'plan.txt', analysis: result, messages }]);
    expect(view.tasks).toHaveLength(2);
    expect(view.groups.map((g) => g.unit)).not.toContain(NO_OWNER);
    expect(view.counts.tasksWithOwner).toBe(2);
  });
});

describe('bug 4: directives come from the reader', () => {
  it('a plan-lint comment inside a Markdown code block switches nothing off', async () => {
    const md = [
      '# 示范区应急管理“十四五”规划(2021—2025年)',
      '',
      '```',
      '<!-- plan-lint-disable placeholder-text -->',
      '```',
      '',
      '## 一、主要任务',
      '',
      '(一)建成XX个站。(责任单位:区应急管理局)',
      '',
    ].join('\n');
    const messages = lint(await analyze(md, 'md'));
    expect(messages.filter((m) => m.ruleId === 'placeholder-text').map((m) => m.line)).toEqual([9]);
  });
});

describe('bug 5: CR-only line ends', () => {
  it('positions land on their own lines', async () => {
    const lines = ['示范区应急管理“十四五”规划(2021—2025年)', '一、主要任务', '(一)健全应急指挥体系。到20XX年建成。(责任单位:区应急管理局)', ''];
    const r = await analyze(lines.join('\r'));
    expect(r.document.plans[0].tasks[0].span.start.line).toBe(3);
    expect(lint(r).filter((m) => m.ruleId === 'placeholder-text').map((m) => `${m.line}:${m.column}`)).toEqual(['3:14']);
  });
});

describe('bug 6: heading-sequence numbering restarts in each section', () => {
  it('(三)(四) under 三、 after (一)(二) under 二、 is reported', async () => {
    const text = [
      '示范区应急管理“十四五”规划(2021—2025年)',
      '一、发展目标',
      '到2025年，应急管理体系和能力现代化取得重大进展。',
      '二、主要任务',
      '(一)健全应急指挥体系。完善区应急指挥部运行机制。(责任单位:区应急管理局)',
      '(二)加强监测预警。建设综合监测预警平台。(责任单位:区应急管理局)',
      '三、保障措施',
      '(三)加强组织领导。各部门要把规划实施摆在重要位置。',
      '(四)加强资金保障。各部门要落实资金。',
      '',
    ].join('\n');
    const messages = lint(await analyze(text)).filter((m) => m.ruleId === 'heading-sequence');
    expect(messages.map((m) => `${m.line} ${m.messageId}`)).toEqual(['8 start']);
  });
  it('a plan that numbers (一)… through every section on purpose is not reported, and 1. 2. may run on', async () => {
    const text = [
      '关于加快农业现代化的意见',
      '一、提升产业',
      '(一)稳定粮食生产。1.扩大面积。',
      '(二)发展特色产业。',
      '二、建设乡村',
      '(三)改善人居环境。',
      '(四)完善基础设施。',
      '三、深化改革',
      '(五)深化土地制度改革。',
      '1.完善承包制度。',
      '2.推进宅基地改革。',
      '四、加强领导',
      '(六)强化组织保障。',
      '3.压实责任。',
      '',
    ].join('\n');
    const messages = lint(await analyze(text)).filter((m) => m.ruleId === 'heading-sequence');
    expect(messages).toEqual([]);
  });
});

describe('bug 7: one list of input formats', () => {
  it('a folder walk takes the .text files the pipeline reads', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-lint-bug7-'));
    try {
      writeFileSync(path.join(dir, 'plan.text'), '示范区应急管理“十四五”规划\n');
      writeFileSync(path.join(dir, 'notes.pdfx'), 'x');
      const { files } = await expandInputs([dir], dir);
      expect(files.map((f) => path.basename(f))).toEqual(['plan.text']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
