// `plan-lint export <paths…> --what indicators|tasks|projects [-o FILE] [--format csv|xlsx|jsonl|json]`:
// one table of every indicator, task or project over many files (SPEC "export").
// Exit codes: 0 all inputs exported, 2 usage error or a bad input (the others still exported).
import path from 'node:path';
import { Command, Option } from 'commander';
import { exportKinds, exportTable, type ExportKind, type Lang, type SourceDoc } from '../export/columns.js';
import { toCsv } from '../export/csv.js';
import { toJson, toJsonl } from '../export/jsonl.js';
import type { RunIO } from '../run/io.js';
import { writeOutput } from '../run/output.js';
import { problemLine, problemOf } from '../run/problems.js';
import { progressBar } from '../run/progress.js';
import { runFiles, type Extract } from '../run/run-files.js';
import { settleConfig, type CommandContext } from './command.js';

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
  /** headers and values: Chinese (default) or English keys and codes */
  lang?: Lang;
  /** the same as lang, under the name the other commands use */
  locale?: Lang;
  /** a configuration file instead of the one found upwards (read for its units.aliases) */
  config?: string;
  /** the pipeline (tests inject their own) */
  extract?: Extract;
}

/**
 * The format of the run, or why there is none: -o's extension (an explicit --format must agree
 * with it), --format for an output without extension or on stdout, else CSV on stdout.
 */
export function exportFormat(output: string | undefined, format: string | undefined): { format: ExportFormat } | { error: string } {
  if (format !== undefined && !(exportFormats as readonly string[]).includes(format)) return { error: `unknown --format ${format} (${exportFormats.join(', ')})` };
  const asked = format as ExportFormat | undefined;
  if (output === undefined) return { format: asked ?? 'csv' };
  const ext = path.extname(output).toLowerCase();
  if (!ext) return asked ? { format: asked } : { error: `-o ${output}: name the format with an extension (${allowedExtensions}) or --format` };
  const implied = formatOfExtension[ext];
  if (!implied) return { error: `-o ${output}: plan-lint does not write ${ext} files; use one of ${allowedExtensions}` };
  if (asked && asked !== implied) return { error: `-o ${output} is ${implied} but --format is ${asked}; drop --format or make them agree` };
  return { format: implied };
}

function parseKinds(what: string): ExportKind[] | string {
  const kinds = what
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!kinds.length) return `--what needs one of ${exportKinds.join(', ')}`;
  for (const k of kinds) if (!(exportKinds as readonly string[]).includes(k)) return `unknown --what ${k} (${exportKinds.join(', ')})`;
  return [...new Set(kinds)] as ExportKind[];
}

/** Run `export`; returns the exit code. Never throws for bad input or output. */
export async function runExport(inputs: string[], opts: ExportOptions, io: RunIO): Promise<number> {
  const usage = (msg: string) => {
    io.stderr(`plan-lint: ${msg}\n`);
    return 2;
  };
  const kinds = parseKinds(opts.what);
  if (typeof kinds === 'string') return usage(kinds);
  const chosen = exportFormat(opts.output, opts.format);
  if ('error' in chosen) return usage(chosen.error);
  const { format } = chosen;
  if (format === 'xlsx' && !opts.output) return usage('--format xlsx writes a binary file: give it with -o FILE');
  if (format !== 'xlsx' && kinds.length > 1) return usage(`--format ${format} takes one --what; several kinds need --format xlsx (one sheet each)`);
  if (opts.lang && opts.locale && opts.lang !== opts.locale) return usage(`--lang ${opts.lang} and --locale ${opts.locale} disagree`);
  const lang = opts.lang ?? opts.locale ?? 'zh';
  // the configuration names units (units.aliases); export does not lint
  const config = settleConfig({ config: opts.config }, io);
  if (!config) return 2;

  let bad = 0;
  const docs: SourceDoc[] = [];
  const progress = await progressBar(io, true);
  try {
    const run = { cwd: io.cwd, config, lint: false, jobs: 1, keep: 'analysis', stdin: io.stdin, extract: opts.extract, onProgress: progress.update } as const;
    for await (const o of runFiles(inputs, run)) {
      if (o.ok) docs.push({ file: o.file, analysis: o.analysis! });
      else {
        progress.stderr(problemLine(o.problem));
        bad++;
      }
    }
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
    io.stderr(problemLine(problemOf(e, opts.output ?? '', io.cwd)));
    return 2;
  }
  return bad > 0 ? 2 : 0;
}

export function registerExport(program: Command, ctx: CommandContext): Command {
  return program
    .command('export')
    .description('one table (CSV, XLSX, JSON Lines or JSON) of every indicator, task or project in files, folders or globs')
    .argument('<paths...>', 'files, folders, globs or -')
    .requiredOption('-w, --what <kind>', `what to export: ${exportKinds.join(', ')} (xlsx: several, comma-separated, one sheet each)`)
    .addOption(new Option('-f, --format <format>', `output format (default: from the -o extension: ${allowedExtensions}; else csv)`).choices(exportFormats))
    .option('-o, --output <file>', 'write to FILE atomically (required for xlsx); its extension sets the format; without it csv, jsonl and json go to stdout')
    .addOption(new Option('--lang <lang>', 'headers and values: Chinese (zh, the default: 约束性, ≥, 是/否) or English keys and codes (en)').choices(['zh', 'en']))
    .option('-c, --config <file>', 'use this configuration file (its units.aliases) instead of looking for .planlintrc.* upwards')
    .action(async (paths: string[], opts: ExportOptions) => {
      ctx.exitCode = await runExport(paths, opts, ctx.io);
    });
}
