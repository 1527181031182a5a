// The PDF reader on the cases the seed prints do not cover: paragraphs over page breaks,
// words wrapped at spaces, hostile files (a scan, encrypted, cut short, garbage, fonts without
// a Unicode map, a 500-page report), and what every command and reporter makes of a PDF.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { serialize } from '../../src/cli/extract.js';
import { InputError } from '../../src/ingest/errors.js';
import { readPdf } from '../../src/ingest/pdf.js';
import { furnitureGrammar } from '../../src/grammars/pdf-furniture.js';
import { lint } from '../../src/lint/engine.js';
import type { FileResult } from '../../src/lint/types.js';
import { documentJsonSchema } from '../../src/model/schema.js';
import { extractPath } from '../../src/pipeline.js';
import { compact } from '../../src/report/formatters/compact.js';
import { github } from '../../src/report/formatters/github.js';
import { json } from '../../src/report/formatters/json.js';
import { sarif } from '../../src/report/formatters/sarif.js';
import { stylish } from '../../src/report/formatters/stylish.js';
import type { FormatContext } from '../../src/report/types.js';
import { planLint } from '../helpers/cli.js';
import { handPdf, longPdf, longPdfItems, type HandPage } from './hand-pdf.js';
import { A4, makePdf, type LayoutBlock } from './make-pdf.js';
import { remapped, withoutUnicodeMaps } from './tamper.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-lint-pdf-'));
const put = (name: string, bytes: Uint8Array) => {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
};

/** A work-points plan whose items wrap over several lines, enough of them to fill two pages. */
const ITEMS = Array.from({ length: 14 }, (_, i) => {
  const n = '一二三四五六七八九十'[i % 10];
  return (
    `（${n}）完善第${i + 1}项应急工作机制。健全统一指挥、专常兼备、反应灵敏、上下联动的应急管理体制，` +
    `加强风险监测预警和隐患排查治理，强化救援队伍建设和应急物资保障，2024年底前完成。（责任单位：区应急管理局、区消防救援大队）`
  );
});
const PLAN: LayoutBlock[] = [
  { kind: 'title', text: '某区2024年应急管理工作要点' },
  { kind: 'para', text: '一、重点任务' },
  ...ITEMS.map((text): LayoutBlock => ({ kind: 'para', text })),
];
const planLayout = { ...A4, header: '某区2024年应急管理工作要点', pageNumber: (n: number) => `— ${n} —`, pageNumberAt: 'outer' as const };

let planFile: string;
let planBytes: Uint8Array;
beforeAll(async () => {
  planBytes = await makePdf(PLAN, planLayout);
  planFile = put('plan.pdf', planBytes);
});

/** extractPath, reading each file once for the whole suite (the commands take it injected) */
const extracted = new Map<string, ReturnType<typeof extractPath>>();
const extract = (file: string) => {
  if (!extracted.has(file)) extracted.set(file, extractPath(file));
  return extracted.get(file)!;
};

describe('reading a PDF', () => {
  it('joins the lines of a paragraph, also over a page break, and leaves page furniture out', async () => {
    const read = await readPdf(planBytes);
    expect(read.pages.length).toBeGreaterThan(1);
    const texts = read.blocks.map((b) => (b.kind === 'table' ? '' : b.piece.text));
    expect(texts).toEqual(['某区2024年应急管理工作要点', '一、重点任务', ...ITEMS]);
    // the reader's text: one paragraph a line, no page number, the running header only as the title
    expect(read.text.split('\n').filter(Boolean)).toEqual(texts);
    // a paragraph printed over two pages: its points name both
    const r = await extract(planFile);
    const over = r.document.plans[0].tasks.find((t) => t.span.start.page !== t.span.end.page);
    expect(over).toBeDefined();
    expect(over!.span.end.page).toBe(over!.span.start.page! + 1);
    expect(r.document.plans[0].tasks).toHaveLength(14);
    expect(r.document.plans[0].tasks[0].owners?.lead).toEqual(['区应急管理局', '区消防救援大队']);
  });

  it('joins words wrapped at spaces with a space, and reads a 500-page report page by page', async () => {
    const read = await readPdf(longPdf(500));
    expect(read.pages).toHaveLength(500);
    const want = Array.from({ length: 500 }, (_, i) => longPdfItems(i + 1)).flat();
    expect(read.blocks.map((b) => (b.kind === 'table' ? '' : b.piece.text))).toEqual(want);
    expect(read.text).not.toMatch(/Annual Work Plan|- \d+ -/);
    expect(read.pages[499]).toBe(read.text.lastIndexOf('999. Improve'));
  });

  it('reads a file encrypted only against copying, as most government PDFs are', async () => {
    const lines: HandPage = { lines: [[72, 700, 12, 'Work plan for 2024: improve flood control.']] };
    const read = await readPdf(handPdf([lines], { user: '', owner: 'owner secret' }));
    expect(read.text).toBe('Work plan for 2024: improve flood control.\n');
  });

  it('folds Kangxi radicals that a font maps ideographs to back into the ideographs', async () => {
    const bytes = await remapped(planBytes, { 一: '⼀', 人: '⼈' });
    const text = (await readPdf(bytes)).text;
    expect(text).toContain('一、重点任务');
    expect(text).not.toMatch(/[⼀⼈]/u);
  });
});

describe('pdf-furniture.yaml: page numbers', () => {
  const squeeze = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  it.each(['— 3 —', '- 12 -', '3', '第3页', '第 3 页 共 20 页', '共20页 第3页', '3/20', 'Page 3 of 20', '— 三 —', 'iii'])('%s is a page number', (line) => {
    expect(furnitureGrammar().pageNumber.test(squeeze(line))).toBe(true);
  });
  it.each(['3.核心指标', '2025年', '一、总体要求', '第三章', '表1', '第3项'])('%s is not', (line) => {
    expect(furnitureGrammar().pageNumber.test(squeeze(line))).toBe(false);
  });
});

describe('hostile PDFs: exit 2 with one line naming the file, or a correct result', () => {
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, RegExp][] = [
    ['a scan without a text layer', () => handPdf([{ image: true }, { image: true }]), /^no text layer: a scanned document needs OCR first$/],
    ['a file that needs a password', () => handPdf([{ lines: [[72, 700, 12, 'secret']] }], { user: 'open sesame', owner: 'x' }), /^encrypted PDF: opening it needs a password$/],
    ['a file cut short', () => planBytes.slice(0, planBytes.length >> 1), /^damaged PDF: truncated \(no %%EOF end marker\)$/],
    ['garbage behind a PDF header', () => new Uint8Array(Buffer.from(`%PDF-1.7\n${'\u0000garbage'.repeat(500)}\n%%EOF\n`, 'latin1')), /^damaged PDF \(.+\)$/],
  ];

  it.each(cases)('%s', async (_name, make, reason) => {
    const file = put(`${_name.replace(/\W+/g, '-')}.pdf`, await make());
    const e = await extractPath(file).then(
      () => null,
      (err: Error) => err,
    );
    expect(e).toBeInstanceOf(InputError);
    expect(e?.message).toMatch(reason);
  });

  it('warns of garbled text where fonts have no Unicode map', async () => {
    const file = put('no-unicode.pdf', await withoutUnicodeMaps(planBytes));
    const messages = lint(await extractPath(file));
    expect(messages.filter((m) => m.ruleId === 'garbled-text').length).toBeGreaterThan(0);
  });

  it('the CLI: one line per bad file, the good one still checked, folders walked for .pdf', async () => {
    const folder = mkdtempSync(path.join(dir, 'folder-'));
    writeFileSync(path.join(folder, 'plan.pdf'), planBytes);
    writeFileSync(path.join(folder, 'scan.pdf'), handPdf([{ image: true }]));
    writeFileSync(path.join(folder, 'cut.pdf'), planBytes.slice(0, 5000));
    const r = await planLint(['check', folder, '--format', 'compact', '--locale', 'en'], { cwd: dir });
    expect(r.status).toBe(2);
    const errors: string[] = r.stderr.trim().split('\n');
    expect(errors).toHaveLength(2);
    expect(errors.some((l) => /cut\.pdf: damaged PDF: truncated/.test(l))).toBe(true);
    expect(errors.some((l) => /scan\.pdf: no text layer: a scanned document needs OCR first$/.test(l))).toBe(true);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.stdout).toMatch(/plan\.pdf:p\d+:\d+:\d+: warning task-missing-owner|plan\.pdf:p\d+:\d+:\d+: /);
  });
});

describe('PDF positions in the model and every reporter', () => {
  it('extract: points carry their page; the JSON Schema describes it and the output validates', async () => {
    const doc = JSON.parse(serialize((await extract(planFile)).document, 'json'));
    expect(doc.source.format).toBe('pdf');
    expect(doc.plans[0].tasks[0].span.start).toEqual({ page: 1, line: expect.any(Number), column: expect.any(Number), offset: expect.any(Number) });
    const schema = documentJsonSchema() as { $defs?: unknown };
    expect(JSON.stringify(schema)).toMatch(/"page":\{[^}]*"description":"1-based page of a PDF input/);
    // no optimizing passes over the generated code (see tests/cli/sarif-schema.ts): it validates the same
    const ajv = new Ajv2020({ strict: false, code: { optimize: false } });
    (addFormatsModule as unknown as (a: Ajv2020) => Ajv2020)(ajv);
    expect(ajv.validate(schema, doc)).toBe(true);
  });

  it('check: stylish p3:12:5, compact, JSON, SARIF region properties, GitHub annotations', async () => {
    const messages = lint(await extract(planFile)).filter((m) => m.page !== undefined && m.page > 1);
    expect(messages.length).toBeGreaterThan(0);
    const m = messages[0];
    const results: FileResult[] = [{ filePath: planFile, messages: [m], errorCount: m.severity === 2 ? 1 : 0, warningCount: m.severity === 1 ? 1 : 0 }];
    const ctx: FormatContext = { cwd: dir, color: false, locale: 'en', rules: [], problems: [], version: '0' };
    const place = `p${m.page}:${m.line}:${m.column}`;
    expect(stylish(results, ctx)).toContain(`  ${place}  `);
    expect(compact(results, ctx)).toContain(`plan.pdf:${place}: `);
    expect(JSON.parse(json(results, ctx))[0].messages[0]).toMatchObject({ line: m.line, column: m.column, page: m.page, endPage: m.endPage });
    const region = JSON.parse(sarif(results, ctx)).runs[0].results[0].locations[0].physicalLocation.region;
    expect(region).toEqual({ startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn, properties: { page: m.page, endPage: m.endPage } });
    expect(github(results, ctx)).toContain(` (p${m.page})\n`);
  });

  it('report: the source pane marks where each page starts', async () => {
    const out = path.join(dir, 'report.html');
    expect((await planLint(['report', planFile, '-o', out], { cwd: dir })).status).toBe(0);
    const html = readFileSync(out, 'utf8');
    const pages = (await readPdf(planBytes)).pages.length;
    for (let n = 1; n <= pages; n++) expect(html).toContain(`<span class="pg" data-page="${n}">第${n}页</span>`);
  });

  it('export and diff read PDFs as they read text', async () => {
    const txt = put('plan.txt', Buffer.from([PLAN[0], ...PLAN.slice(1)].map((b) => (b.kind === 'table' ? '' : b.text)).join('\n') + '\n'));
    const exported = await planLint(['export', planFile, txt, '--what', 'tasks', '--format', 'jsonl'], { cwd: dir });
    expect(exported.status).toBe(0);
    const csv = exported.stdout;
    const rows = csv.trim().split('\n').map((l) => JSON.parse(l));
    const fromPdf = rows.filter((r) => r.file.endsWith('plan.pdf'));
    expect(fromPdf).toHaveLength(14);
    expect(fromPdf.map((r) => r.text)).toEqual(rows.filter((r) => r.file.endsWith('plan.txt')).map((r) => r.text));
    expect(fromPdf.every((r) => r.span.start.page >= 1)).toBe(true);
    const d = await planLint(['diff', txt, planFile, '--format', 'json'], { cwd: dir });
    expect(d.status).toBe(0);
    const diff = d.stdout;
    expect(JSON.stringify(JSON.parse(diff))).not.toMatch(/"kind":"(?:added|removed)/);
  });
});
