// `plan-lint export` over all five seeds together: the CSV and XLSX read back with csv-parse and
// exceljs (rows, headers in both languages, cell types, BOM), JSONL, bad inputs, usage errors.
import { readdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractPath } from '../../src/pipeline.js';
import { indicatorColumns, taskColumns } from '../../src/export/columns.js';
import { IndicatorSchema, TaskSchema, type Indicator, type Plan, type Task } from '../../src/model/schema.js';
import { displayWidth } from '../../src/util/width.js';
import { runExport } from '../../src/cli/export.js';
import { captureIO } from '../helpers/cli.js';
import { fixture, planLintCmd, repo, scratch } from './run.js';

const seedDir = fixture('seeds');
const seedFiles = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

interface Expected {
  file: string;
  plan: Plan;
}
let plans: Expected[] = [];
const all = <T>(get: (p: Plan) => T[]) => plans.flatMap((e) => get(e.plan).map((item) => ({ ...e, item })));

beforeAll(async () => {
  plans = [];
  for (const f of seedFiles) {
    const { document } = await extractPath(path.join(seedDir, f));
    for (const plan of document.plans) plans.push({ file: `fixtures/seeds/${f}`, plan });
  }
  // the seeds have something of every kind, or these tests prove little
  expect(all((p) => p.indicators).length).toBeGreaterThan(20);
  expect(all((p) => p.tasks).length).toBeGreaterThan(200);
  expect(all((p) => p.projects).length).toBeGreaterThan(30);
});

const readCsv = (bytes: Buffer): string[][] => parse(bytes, { bom: true, relax_column_count: false }) as string[][];

describe('CSV', () => {
  it('indicators of all seeds: BOM, Chinese headers, one row per indicator with file, plan, line', async () => {
    const r = await planLintCmd(['export', 'fixtures/seeds', '--what', 'indicators', '--format', 'csv']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect([...r.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = readCsv(r.bytes);
    expect(header).toEqual(indicatorColumns.map((c) => c.zh));
    expect(header.slice(0, 4)).toEqual(['文件', '规划', '规划类型', '行']);
    const expected = all((p) => p.indicators);
    expect(rows).toHaveLength(expected.length);
    const col = (name: string) => header.indexOf(name);
    rows.forEach((row, i) => {
      const { file, plan, item } = expected[i];
      expect(row[col('文件')]).toBe(file);
      expect(row[col('规划')]).toBe(plan.title);
      expect(Number(row[col('行')])).toBe(item.span.start.line);
      expect(row[col('指标名称')]).toBe(item.name);
      expect(row[col('目标值')]).toBe(item.target.text);
      expect(row[col('数值')]).toBe(item.target.value === null ? '' : String(item.target.value));
    });
    // a row as the resort plan prints it: "道路交通万车死亡率 <1.35 预期指标"
    const road = rows.find((r) => r[col('规划')].includes('应急管理规划') && r[col('指标名称')] === '道路交通万车死亡率')!;
    expect(road[col('比较')]).toBe('<');
    expect(road[col('数值')]).toBe('1.35');
    expect(road[col('属性')]).toBe('预期性');
    expect(road[col('类别')]).toBe('安全生产');
    // "<1% (5年平均)": target split into its parts
    const loss = rows.find((r) => r[col('目标值')].startsWith('<1%'))!;
    expect([loss[col('数值')], loss[col('单位')], loss[col('备注')]]).toEqual(['1', '%', '5年平均']);
    // "下降10%": a change
    const fall = rows.find((r) => r[col('目标值')] === '下降10%')!;
    expect([fall[col('变化方向')], fall[col('数值')], fall[col('单位')]]).toEqual(['下降', '10', '%']);
  });

  it('tasks with --lang en: English keys; owners 、-joined, section joined with " > ", deadlines split', async () => {
    const r = await planLintCmd(['export', 'fixtures/seeds/*.txt', '--what', 'tasks', '--lang', 'en']);
    expect(r.status).toBe(0);
    expect([...r.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = readCsv(r.bytes);
    expect(header).toEqual(taskColumns.map((c) => c.key));
    expect(header).toEqual(expect.arrayContaining(['file', 'plan', 'line', 'column', 'lead', 'support', 'deadlineDate', 'deadlineInferred']));
    const expected = all((p) => p.tasks);
    expect(rows).toHaveLength(expected.length);
    const col = (k: string) => header.indexOf(k);
    rows.forEach((row, i) => {
      const t = expected[i].item as Task;
      expect(row[col('id')]).toBe(t.id);
      expect(row[col('text')]).toBe(t.text);
      expect(row[col('section')]).toBe(t.section.join(' > '));
      expect(row[col('lead')]).toBe(t.owners?.lead.join('、') ?? '');
      expect(row[col('support')]).toBe(t.owners?.support.join('、') ?? '');
      expect(row[col('deadlineDate')]).toBe(t.deadline?.date ?? '');
      expect(row[col('deadlineInferred')]).toBe(t.deadline ? String(t.deadline.inferred) : '');
      expect(Number(row[col('column')])).toBe(t.span.start.column);
    });
    // 3.2.4 of the resort plan has three leads and two supporting units
    const disaster = rows.find((r) => r[col('title')] === '增强综合防灾减灾救灾能力')!;
    expect(disaster[col('lead')]).toBe('区安监局、区发展与统计服务中心、区住建局');
    expect(disaster[col('support')]).toBe('区农业农村局、市自然资源和规划局度假区分局');
    expect(disaster[col('section')]).toBe('主要任务 > 加快构建城市安全风险防控体系');
    const census = rows.find((r) => r[col('title')] === '深入开展自然灾害风险普查')!;
    expect([census[col('deadline')], census[col('deadlineDate')], census[col('deadlineInferred')]]).toEqual(['2022年底', '2022-12-31', 'false']);
  });

  it('-o writes the file; a text with commas, quotes and line breaks survives RFC 4180 quoting', async () => {
    const dir = scratch();
    const out = path.join(dir, 'tasks.csv');
    const r = await planLintCmd(['export', 'fixtures/seeds', '--what', 'tasks', '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const bytes = readFileSync(out);
    const [header, ...rows] = readCsv(bytes);
    const texts = all((p) => p.tasks).map((e) => (e.item as Task).text);
    expect(rows.map((r) => r[header.indexOf('内容')])).toEqual(texts);
    expect(texts.some((t) => t.includes(',') && t.includes('“'))).toBe(true);
    expect(bytes.toString('utf8')).toContain('\r\n');
  });
});

describe('XLSX', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    const out = path.join(scratch(), 'plans.xlsx');
    const r = await planLintCmd(['export', 'fixtures/seeds', '--what', 'indicators,tasks,projects', '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
  });

  const values = (sheet: ExcelJS.Worksheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };

  it('one sheet per kind, frozen header row, Chinese headers, one row per item', async () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['指标', '任务', '项目']);
    const counts = [all((p) => p.indicators).length, all((p) => p.tasks).length, all((p) => p.projects).length];
    workbook.worksheets.forEach((sheet, i) => {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const [header, ...rows] = values(sheet);
      expect(header).toEqual((i === 0 ? indicatorColumns : taskColumns).map((c) => c.zh));
      expect(rows).toHaveLength(counts[i]);
    });
  });

  it('numbers are numbers, dates are Excel dates, flags are booleans', async () => {
    const [ih, ...irows] = values(workbook.getWorksheet('指标')!);
    const expected = all((p) => p.indicators);
    irows.forEach((row, i) => {
      const ind = expected[i].item as Indicator;
      expect(row[ih.indexOf('行')]).toBe(ind.span.start.line);
      expect(row[ih.indexOf('数值')] ?? null).toBe(ind.target.value);
    });
    expect(irows.filter((r) => typeof r[ih.indexOf('数值')] === 'number').length).toBeGreaterThan(20);

    const sheet = workbook.getWorksheet('任务')!;
    const [th, ...trows] = values(sheet);
    const tasks = all((p) => p.tasks).map((e) => e.item as Task);
    const dateCol = th.indexOf('时限日期');
    trows.forEach((row, i) => {
      const d = tasks[i].deadline;
      const cell = row[dateCol];
      if (!d) expect(cell ?? null).toBeNull();
      else {
        expect(cell).toBeInstanceOf(Date);
        expect((cell as Date).toISOString().slice(0, 10)).toBe(d.date);
        // under Chinese headers a flag reads 是/否 (English headers: a real boolean)
        expect(row[th.indexOf('时限为推定')]).toBe(d.inferred ? '是' : '否');
      }
    });
    expect(trows.filter((r) => r[dateCol] instanceof Date).length).toBeGreaterThan(100);
    // the date column shows as a date in Excel
    expect(sheet.getColumn(dateCol + 1).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getRow(2).getCell(dateCol + 1).type).toBe(ExcelJS.ValueType.Date);
  });

  it('column widths are fitted, counting CJK characters as two', async () => {
    const sheet = workbook.getWorksheet('指标')!;
    const [header, ...rows] = values(sheet);
    const widest = (i: number) => Math.max(...[header[i], ...rows.map((r) => r[i])].map((v) => displayWidth(v == null ? '' : String(v))));
    const name = header.indexOf('指标名称');
    // the longest indicator name is wider than 40 columns: capped at 60, far wider than 行
    expect(widest(name)).toBeGreaterThan(40);
    expect(sheet.getColumn(name + 1).width).toBe(Math.min(60, widest(name) + 2));
    const line = header.indexOf('行');
    expect(sheet.getColumn(line + 1).width).toBe(Math.max(4, widest(line) + 2));
    expect(sheet.getColumn(name + 1).width).toBeGreaterThan(sheet.getColumn(line + 1).width!);
    const text = workbook.getWorksheet('任务')!.getColumn(taskColumns.findIndex((c) => c.key === 'text') + 1);
    expect(text.width).toBe(60);
  });

  it('--lang en names the sheets and headers in English, with codes and booleans as values', async () => {
    const out = path.join(scratch(), 'en.xlsx');
    const r = await planLintCmd(['export', 'fixtures/seeds/resort-three-plans-notice.txt', '--what', 'projects', '--lang', 'en', '-o', out]);
    expect(r.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['projects']);
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(taskColumns.map((c) => c.key));
    expect(wb.worksheets[0].rowCount).toBe(1 + 8);
    const [header, ...rows] = values(wb.worksheets[0]);
    expect(rows.map((row) => row[header.indexOf('planKind')])).toEqual(Array(8).fill('plan'));
    expect(rows.every((row) => typeof row[header.indexOf('deadlineInferred')] === 'boolean')).toBe(true);
  });

  it('needs -o (binary); several kinds need xlsx', async () => {
    const r = await planLintCmd(['export', 'fixtures/seeds', '--what', 'tasks', '--format', 'xlsx']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^plan-lint: .*-o FILE/);
    const s = await planLintCmd(['export', 'fixtures/seeds', '--what', 'tasks,projects']);
    expect(s.status).toBe(2);
    expect(s.stdout).toBe('');
  });
});

describe('JSONL', () => {
  it('one model object per line with file and plan title in front', async () => {
    const r = await planLintCmd(['export', 'fixtures/seeds', '--what', 'indicators', '--format', 'jsonl']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const expected = all((p) => p.indicators);
    expect(lines).toHaveLength(expected.length);
    lines.forEach((l, i) => {
      const o = JSON.parse(l);
      expect(Object.keys(o).slice(0, 2)).toEqual(['file', 'plan']);
      expect(o.file).toBe(expected[i].file);
      expect(o.plan).toBe(expected[i].plan.title);
      const { file: _f, plan: _p, ...model } = o;
      expect(IndicatorSchema.parse(model)).toEqual(expected[i].item);
    });
    const t = await planLintCmd(['export', 'fixtures/seeds/district-work-points-2020.txt', '--what', 'tasks', '--format', 'jsonl']);
    const first = JSON.parse(t.stdout.split('\n')[0]);
    const { file: _f, plan: _p, ...task } = first;
    expect(TaskSchema.parse(task).owners?.lead).toEqual(['协调科', '应急救援中心']);
  });
});

describe('bad inputs', () => {
  it('one line each on stderr, the others still exported, exit 2', async () => {
    const dir = scratch();
    copyFileSync(path.join(seedDir, 'resort-three-plans-notice.txt'), path.join(dir, 'resort.txt'));
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 7, 8, 0]));
    const r = await planLintCmd(['export', 'empty.txt', 'resort.txt', 'missing.txt', 'binary.txt', '--what', 'indicators'], { cwd: dir });
    expect(r.status).toBe(2);
    const errors = r.stderr.trim().split('\n');
    expect(errors).toHaveLength(3);
    expect(errors.every((l) => /^plan-lint: (empty|missing|binary)\.txt: \S/.test(l))).toBe(true);
    const [, ...rows] = readCsv(r.bytes);
    const resort = plans.filter((e) => e.file.endsWith('resort-three-plans-notice.txt')).flatMap((e) => e.plan.indicators);
    expect(rows).toHaveLength(resort.length);
    expect(rows.every((row) => row[0] === 'resort.txt')).toBe(true);
  });

  it('an unknown --what is a usage error', async () => {
    const r = await planLintCmd(['export', 'fixtures/seeds', '--what', 'targets']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^plan-lint: 未知的 --what targets/);
  });
});

describe('the format comes from -o, or is an error', () => {
  it('-o x.json writes a JSON array of the model objects, -o x.JSONL JSON Lines', async () => {
    const dir = scratch();
    const resort = 'fixtures/seeds/resort-three-plans-notice.txt';
    const expected = all((p) => p.indicators).filter((e) => e.file === resort);
    const r = await planLintCmd(['export', resort, '--what', 'indicators', '-o', path.join(dir, 'x.json')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const array = JSON.parse(readFileSync(path.join(dir, 'x.json'), 'utf8'));
    expect(Array.isArray(array)).toBe(true);
    expect(array).toHaveLength(expected.length);
    expect(array.length).toBeGreaterThan(5);
    expect(IndicatorSchema.parse(array[0])).toEqual(expected[0].item);
    const l = await planLintCmd(['export', resort, '--what', 'indicators', '-o', path.join(dir, 'x.JSONL')]);
    expect(l.status).toBe(0);
    const lines = readFileSync(path.join(dir, 'x.JSONL'), 'utf8').trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual(array);
  });

  it.each(['x.xls', 'x.tsv', 'x.txt'])('-o %s is refused with the allowed extensions, and nothing is written', async (name) => {
    const dir = scratch();
    const r = await planLintCmd(['export', 'fixtures/seeds', '--what', 'tasks', '--locale', 'en', '-o', path.join(dir, name)]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^plan-lint: -o .*: plan-lint does not write \.\w+ files; use one of \.csv, \.xlsx, \.jsonl, \.ndjson, \.json$/m);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--format that disagrees with the extension is an error; agreeing, or without extension, is fine', async () => {
    const dir = scratch();
    const bad = await planLintCmd(['export', 'fixtures/seeds', '--what', 'tasks', '--format', 'xlsx', '-o', path.join(dir, 'x.csv')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^plan-lint: -o .*x\.csv 是 csv 格式，但 --format 为 xlsx/);
    expect(readdirSync(dir)).toEqual([]);
    const agree = await planLintCmd(['export', 'fixtures/seeds/district-work-points-2020.txt', '--what', 'tasks', '--format', 'csv', '-o', path.join(dir, 'a.CSV')]);
    expect(agree.status).toBe(0);
    const bare = await planLintCmd(['export', 'fixtures/seeds/district-work-points-2020.txt', '--what', 'tasks', '--format', 'jsonl', '-o', path.join(dir, 'tasks')]);
    expect(bare.status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'tasks'), 'utf8').split('\n')[0]).id).toBeTruthy();
    const none = await planLintCmd(['export', 'fixtures/seeds', '--what', 'tasks', '-o', path.join(dir, 'noext')]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/请用扩展名（\.csv, \.xlsx, \.jsonl, \.ndjson, \.json）或 --format 指定格式/);
  });
});

describe('values: Chinese under Chinese headers, codes under English ones', () => {
  const csvOf = async (args: string[]) => {
    const r = await planLintCmd(['export', 'fixtures/seeds', ...args]);
    expect(r.status).toBe(0);
    const [header, ...rows] = readCsv(r.bytes);
    return { header, rows, col: (k: string) => (rows.map((row) => row[header.indexOf(k)]) as string[]) };
  };
  const distinct = (xs: string[]) => [...new Set(xs.filter(Boolean))].sort();

  it('indicators: 规划类型, 属性, 比较 and 变化方向 in Chinese words', async () => {
    const { col } = await csvOf(['--what', 'indicators']);
    const inds = all((p) => p.indicators).map((e) => e.item as Indicator);
    expect(distinct(col('规划类型'))).toEqual(distinct(all((p) => p.indicators).map((e) => ({ plan: '规划', workPoints: '工作要点', taskBreakdown: '任务分工方案', other: '其他' })[e.plan.kind])));
    expect(distinct(col('属性'))).toEqual(['约束性', '预期性']);
    // the seeds hold every comparator but = (and 下降 but not 提升): the mapping is checked on what is there
    const zh = { lt: '<', le: '≤', eq: '=', ge: '≥', gt: '>' } as const;
    col('比较').forEach((v, i) => expect(v).toBe(inds[i].target.comparator ? zh[inds[i].target.comparator!] : ''));
    expect(distinct(col('比较')).length).toBeGreaterThanOrEqual(3);
    col('变化方向').forEach((v, i) => expect(v).toBe(inds[i].target.change === 'decrease' ? '下降' : inds[i].target.change === 'increase' ? '提升' : ''));
    expect(col('变化方向')).toContain('下降');
    for (const v of [...col('属性'), ...col('比较'), ...col('变化方向'), ...col('规划类型')]) expect(v).not.toMatch(/[a-z]/);
  });

  it('tasks: 时限为推定 reads 是/否', async () => {
    const { col } = await csvOf(['--what', 'tasks']);
    expect(distinct(col('时限为推定'))).toEqual(['否', '是']);
  });

  it('--lang en: English keys and the model codes (binding/expected, ge, decrease, true/false)', async () => {
    const ind = await csvOf(['--what', 'indicators', '--lang', 'en']);
    expect(distinct(ind.col('nature'))).toEqual(['binding', 'expected']);
    expect(distinct(ind.col('comparator')).every((c) => /^(lt|le|eq|ge|gt)$/.test(c))).toBe(true);
    expect(distinct(ind.col('planKind')).every((c) => /^(plan|workPoints|taskBreakdown|other)$/.test(c))).toBe(true);
    const tasks = await csvOf(['--what', 'tasks', '--lang', 'en']);
    expect(distinct(tasks.col('deadlineInferred'))).toEqual(['false', 'true']);
  });

  it('the table follows --locale unless --lang names its own language', async () => {
    const c = captureIO({ cwd: repo });
    expect(await runExport(['fixtures/seeds/district-work-points-2020.txt'], { what: 'indicators', locale: 'en' }, c.io)).toBe(0);
    expect(c.stdout().replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(indicatorColumns.map((col) => col.key).join(','));
    const d = captureIO({ cwd: repo });
    expect(await runExport(['fixtures/seeds/district-work-points-2020.txt'], { what: 'indicators', locale: 'en', lang: 'zh' }, d.io)).toBe(0);
    expect(d.stdout().replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(indicatorColumns.map((col) => col.zh).join(','));
  });
});
