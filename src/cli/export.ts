// `plan-lint export <paths…> --what indicators|tasks|projects --format csv|xlsx|jsonl -o FILE`:
// one table of every indicator, task or project over many files (SPEC "export").
// Exit codes: 0 all inputs exported, 2 usage error or a bad input (the others still exported).
import path from 'node:path';
import { Command, Option } from 'commander';
import type { Locale } from '../lint/types.js';
import { exportKinds, exportTable, type ExportKind, type Lang, type SourceDoc } from '../export/columns.js';
import { toCsv } from '../export/csv.js';
import { toJsonl } from '../export/jsonl.js';
import type { RunIO } from '../run/io.js';
import { writeOutput } from '../run/output.js';
import { problemLine, problemOf } from '../run/problems.js';
import { progressBar } from '../run/progress.js';
import { runFiles, type Extract } from '../run/run-files.js';
import { say, type Text } from '../util/i18n.js';
import { pathsGiven, skipLine, type CommandContext } from './command.js';

export const exportFormats = ['csv', 'xlsx', 'jsonl'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportOptions {
  /** one kind, or several separated by commas (several only for xlsx: one sheet each) */
  what: string;
  format?: ExportFormat;
  output?: string;
  lang?: Lang;
  /** the language of messages (--lang sets the table's) */
  locale?: Locale;
  quiet?: boolean;
  ignorePattern?: string[];
  ignore?: boolean;
  /** the pipeline (tests inject their own) */
  extract?: Extract;
}

function formatFromName(file: string | undefined): ExportFormat | null {
  const ext = file ? path.extname(file).toLowerCase().slice(1) : '';
  return (exportFormats as readonly string[]).includes(ext) ? (ext as ExportFormat) : null;
}

const text = {
  whatNeeded: { zh: '--what 需要以下之一：{kinds}', en: '--what needs one of {kinds}' },
  whatUnknown: { zh: '未知的 --what {kind}（可用：{kinds}）', en: 'unknown --what {kind} ({kinds})' },
  formatUnknown: { zh: '未知的 --format {format}（可用：{formats}）', en: 'unknown --format {format} ({formats})' },
  xlsxNeedsFile: { zh: '--format xlsx 输出二进制文件：请用 -o FILE 指定文件', en: '--format xlsx writes a binary file: give it with -o FILE' },
  oneKind: {
    zh: '--format {format} 只能导出一种 --what；多种请用 --format xlsx（每种一个工作表）',
    en: '--format {format} takes one --what; several kinds need --format xlsx (one sheet each)',
  },
  description: {
    zh: '把文件、文件夹或通配符匹配文件中的全部指标、任务或工程项目导出为一张表（CSV、XLSX 或 JSONL）',
    en: 'one table (CSV, XLSX or JSONL) of every indicator, task or project in files, folders or globs',
  },
  argument: { zh: '文件、文件夹、通配符或 -', en: 'files, folders, globs or -' },
  what: { zh: '导出什么：{kinds}（xlsx 可用逗号分隔多种，每种一个工作表）', en: 'what to export: {kinds} (xlsx: several, comma-separated, one sheet each)' },
  format: { zh: '输出格式（默认：按 -o 的扩展名，否则 csv）', en: 'output format (default: from the -o extension, else csv)' },
  output: { zh: '原子写入文件 FILE（xlsx 必须指定）；csv 和 jsonl 未指定时写到标准输出', en: 'write to FILE atomically (required for xlsx); csv and jsonl go to stdout without it' },
  lang: { zh: '列标题和工作表名称：中文（zh）或英文键名（en）', en: 'column headers and sheet names: Chinese (zh) or English keys (en)' },
} satisfies Record<string, Text>;

function parseKinds(what: string, locale: Locale): ExportKind[] | string {
  const kinds = what
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!kinds.length) return say(text.whatNeeded, locale, { kinds: exportKinds.join(', ') });
  for (const k of kinds) if (!(exportKinds as readonly string[]).includes(k)) return say(text.whatUnknown, locale, { kind: k, kinds: exportKinds.join(', ') });
  return [...new Set(kinds)] as ExportKind[];
}

/** Run `export`; returns the exit code. Never throws for bad input or output. */
export async function runExport(inputs: string[], opts: ExportOptions, io: RunIO): Promise<number> {
  const locale = opts.locale ?? 'zh';
  const usage = (msg: string) => {
    io.stderr(`plan-lint: ${msg}\n`);
    return 2;
  };
  if (!pathsGiven(inputs, io, locale)) return 2;
  const kinds = parseKinds(opts.what, locale);
  if (typeof kinds === 'string') return usage(kinds);
  const format = opts.format ?? formatFromName(opts.output) ?? 'csv';
  if (!(exportFormats as readonly string[]).includes(format)) return usage(say(text.formatUnknown, locale, { format, formats: exportFormats.join(', ') }));
  if (format === 'xlsx' && !opts.output) return usage(text.xlsxNeedsFile[locale]);
  if (format !== 'xlsx' && kinds.length > 1) return usage(say(text.oneKind, locale, { format }));

  let bad = 0;
  const docs: SourceDoc[] = [];
  const progress = await progressBar(io, !opts.quiet, locale);
  try {
    const run = runFiles(inputs, {
      cwd: io.cwd,
      jobs: 1,
      keep: 'analysis',
      stdin: io.stdin,
      extract: opts.extract,
      onProgress: progress.update,
      ignore: { enabled: opts.ignore, patterns: opts.ignorePattern },
    });
    for await (const o of run) {
      if (o.ok === 'skipped') {
        if (!opts.quiet) progress.stderr(skipLine(o.file, o.reason, locale));
      } else if (o.ok) docs.push({ file: o.file, analysis: o.analysis! });
      else {
        progress.stderr(problemLine(o.problem, locale));
        bad++;
      }
    }
  } finally {
    progress.stop();
  }

  const tables = kinds.map((k) => exportTable(k, docs, opts.lang ?? 'zh'));
  const data = format === 'xlsx' ? await (await import('../export/xlsx.js')).toXlsx(tables) : format === 'jsonl' ? toJsonl(tables[0]) : toCsv(tables[0]);
  try {
    await writeOutput(opts.output ?? null, data, io);
  } catch (e) {
    io.stderr(problemLine(problemOf(e, opts.output ?? '', io.cwd), locale));
    return 2;
  }
  return bad > 0 ? 2 : 0;
}

export function registerExport(program: Command, ctx: CommandContext): Command {
  const v = ctx.options;
  const t = (x: Text) => x[ctx.locale];
  return program
    .command('export')
    .description(t(text.description))
    .argument('<paths...>', t(text.argument))
    .requiredOption('-w, --what <kind>', say(text.what, ctx.locale, { kinds: exportKinds.join(', ') }))
    .addOption(v.format(exportFormats, undefined, text.format))
    .addOption(v.output(text.output))
    .addOption(new Option('--lang <lang>', t(text.lang)).choices(['zh', 'en']).default('zh'))
    .addOption(v.locale())
    .addOption(v.quiet())
    .addOption(v.ignorePattern())
    .addOption(v.noIgnore())
    .action(async (paths: string[], opts: ExportOptions) => {
      ctx.exitCode = await runExport(paths, opts, ctx.io);
    });
}
