// `plan-lint export <paths…> --what indicators|tasks|projects [-o FILE] [--format csv|xlsx|jsonl|json]`:
// one table of every indicator, task or project over many files (SPEC "export").
// Exit codes: 0 all inputs exported, 2 usage error or a bad input (the others still exported).
import path from 'node:path';
import { Command, Option } from 'commander';
import type { Locale } from '../lint/types.js';
import { exportKinds, exportTable, type ExportKind, type Lang, type SourceDoc } from '../export/columns.js';
import { toCsv } from '../export/csv.js';
import { toJson, toJsonl } from '../export/jsonl.js';
import type { RunIO } from '../run/io.js';
import { writeOutput } from '../run/output.js';
import { problemLine, problemOf } from '../run/problems.js';
import { progressBar } from '../run/progress.js';
import { runFiles, type Extract } from '../run/run-files.js';
import { say, type Text } from '../util/i18n.js';
import { eachAnalysed, pathsGiven, settleConfig, type CommandContext } from './command.js';

export const exportFormats = ['csv', 'xlsx', 'jsonl', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** The output file's extension decides its format; any other extension is refused, never guessed. */
const formatOfExtension: Record<string, ExportFormat> = { '.csv': 'csv', '.xlsx': 'xlsx', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.json': 'json' };
const allowedExtensions = Object.keys(formatOfExtension).join(', ');

export interface ExportOptions {
  /** one kind, or several separated by commas (several only for xlsx: one sheet each) */
  what: string;
  format?: ExportFormat;
  output?: string;
  /** headers and values: Chinese or English keys and codes (default: --locale) */
  lang?: Lang;
  /** the language of messages (--lang sets the table's) */
  locale?: Locale;
  /** a configuration file instead of the one found upwards (read for its units.aliases) */
  config?: string;
  quiet?: boolean;
  ignorePattern?: string[];
  ignore?: boolean;
  /** the pipeline (tests inject their own) */
  extract?: Extract;
}
/**
 * The format of the run, or why there is none: -o's extension (an explicit --format must agree
 * with it), --format for an output without extension or on stdout, else CSV on stdout.
 */
export function exportFormat(output: string | undefined, format: string | undefined, locale: Locale = 'en'): { format: ExportFormat } | { error: string } {
  const formats = exportFormats.join(', ');
  if (format !== undefined && !(exportFormats as readonly string[]).includes(format)) return { error: say(text.formatUnknown, locale, { format, formats }) };
  const asked = format as ExportFormat | undefined;
  if (output === undefined) return { format: asked ?? 'csv' };
  const ext = path.extname(output).toLowerCase();
  if (!ext) return asked ? { format: asked } : { error: say(text.extensionNeeded, locale, { output, allowed: allowedExtensions }) };
  const implied = formatOfExtension[ext];
  if (!implied) return { error: say(text.extensionRefused, locale, { output, ext, allowed: allowedExtensions }) };
  if (asked && asked !== implied) return { error: say(text.extensionDisagrees, locale, { output, implied, asked }) };
  return { format: implied };
}

const text = {
  whatNeeded: { zh: '--what 需要以下之一：{kinds}', en: '--what needs one of {kinds}' },
  whatUnknown: { zh: '未知的 --what {kind}（可用：{kinds}）', en: 'unknown --what {kind} ({kinds})' },
  formatUnknown: { zh: '未知的 --format {format}（可用：{formats}）', en: 'unknown --format {format} ({formats})' },
  extensionNeeded: { zh: '-o {output}：请用扩展名（{allowed}）或 --format 指定格式', en: '-o {output}: name the format with an extension ({allowed}) or --format' },
  extensionRefused: { zh: '-o {output}：plan-lint 不输出 {ext} 文件；请用 {allowed} 之一', en: '-o {output}: plan-lint does not write {ext} files; use one of {allowed}' },
  extensionDisagrees: { zh: '-o {output} 是 {implied} 格式，但 --format 为 {asked}；请去掉 --format 或使两者一致', en: '-o {output} is {implied} but --format is {asked}; drop --format or make them agree' },
  xlsxNeedsFile: { zh: '--format xlsx 输出二进制文件：请用 -o FILE 指定文件', en: '--format xlsx writes a binary file: give it with -o FILE' },
  oneKind: {
    zh: '--format {format} 只能导出一种 --what；多种请用 --format xlsx（每种一个工作表）',
    en: '--format {format} takes one --what; several kinds need --format xlsx (one sheet each)',
  },
  description: {
    zh: '把文件、文件夹或通配符匹配文件中的全部指标、任务或工程项目导出为一张表（CSV、XLSX、JSON Lines 或 JSON）',
    en: 'one table (CSV, XLSX, JSON Lines or JSON) of every indicator, task or project in files, folders or globs',
  },
  argument: { zh: '文件、文件夹、通配符或 -', en: 'files, folders, globs or -' },
  what: { zh: '导出什么：{kinds}（xlsx 可用逗号分隔多种，每种一个工作表）', en: 'what to export: {kinds} (xlsx: several, comma-separated, one sheet each)' },
  format: { zh: '输出格式（默认：按 -o 的扩展名 {allowed}，否则 csv）', en: 'output format (default: from the -o extension: {allowed}; else csv)' },
  output: { zh: '原子写入文件 FILE（xlsx 必须指定），扩展名决定格式；未指定时 csv、jsonl 和 json 写到标准输出', en: 'write to FILE atomically (required for xlsx); its extension sets the format; without it csv, jsonl and json go to stdout' },
  lang: { zh: '列标题和取值：中文（约束性、≥、是/否）或英文键名和代码（en）；默认随 --locale', en: 'headers and values: Chinese (约束性, ≥, 是/否) or English keys and codes (en); default: --locale' },
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
  const chosen = exportFormat(opts.output, opts.format, locale);
  if ('error' in chosen) return usage(chosen.error);
  const { format } = chosen;
  if (format === 'xlsx' && !opts.output) return usage(text.xlsxNeedsFile[locale]);
  if (format !== 'xlsx' && kinds.length > 1) return usage(say(text.oneKind, locale, { format }));

  // the table's language follows --locale unless --lang names another
  const lang = opts.lang ?? locale;
  // the configuration names units (units.aliases); export does not lint
  const config = settleConfig({ config: opts.config }, io, locale);
  if (!config) return 2;

  const docs: SourceDoc[] = [];
  const progress = await progressBar(io, !opts.quiet, locale);
  let bad: number;
  try {
    const run = runFiles(inputs, {
      cwd: io.cwd,
      config,
      analyseOnly: true,
      jobs: 1,
      keep: 'analysis',
      stdin: io.stdin,
      extract: opts.extract,
      onProgress: progress.update,
      ignore: { enabled: opts.ignore, patterns: opts.ignorePattern },
    });
    bad = await eachAnalysed(run, progress, { quiet: opts.quiet, locale }, (o) => docs.push({ file: o.file, analysis: o.analysis! }));
  } finally {
    progress.stop();
  }

  const tables = kinds.map((k) => exportTable(k, docs, lang));
  const data =
    format === 'xlsx'
      ? await (await import('../export/xlsx.js')).toXlsx(tables)
      : format === 'jsonl'
        ? toJsonl(tables[0])
        : format === 'json'
          ? toJson(tables[0])
          : toCsv(tables[0]);
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
    .addOption(v.format(exportFormats, undefined, { zh: say(text.format, 'zh', { allowed: allowedExtensions }), en: say(text.format, 'en', { allowed: allowedExtensions }) }))
    .addOption(v.output(text.output))
    .addOption(new Option('--lang <lang>', t(text.lang)).choices(['zh', 'en']))
    .addOption(v.locale())
    .addOption(v.config())
    .addOption(v.quiet())
    .addOption(v.ignorePattern())
    .addOption(v.noIgnore())
    .action(async (paths: string[], opts: ExportOptions) => {
      ctx.exitCode = await runExport(paths, opts, ctx.io);
    });
}
