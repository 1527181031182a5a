// `plan-lint export <paths…> --what indicators|tasks|projects --format csv|xlsx|jsonl -o FILE`:
// one table of every indicator, task or project over many files (SPEC "export").
// Exit codes: 0 all inputs exported, 2 usage error or a bad input (the others still exported).
import path from 'node:path';
import { Command, Option } from 'commander';
import { exportKinds, exportTable, type ExportKind, type Lang, type SourceDoc } from '../export/columns.js';
import { toCsv } from '../export/csv.js';
import { toJsonl } from '../export/jsonl.js';
import type { RunIO } from '../run/io.js';
import { writeOutput } from '../run/output.js';
import { problemLine, problemOf } from '../run/problems.js';
import { progressBar } from '../run/progress.js';
import { runFiles, type Extract } from '../run/run-files.js';
import type { CommandContext } from './command.js';

export const exportFormats = ['csv', 'xlsx', 'jsonl'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportOptions {
  /** one kind, or several separated by commas (several only for xlsx: one sheet each) */
  what: string;
  format?: ExportFormat;
  output?: string;
  lang?: Lang;
  /** the pipeline (tests inject their own) */
  extract?: Extract;
}

function formatFromName(file: string | undefined): ExportFormat | null {
  const ext = file ? path.extname(file).toLowerCase().slice(1) : '';
  return (exportFormats as readonly string[]).includes(ext) ? (ext as ExportFormat) : null;
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
  const format = opts.format ?? formatFromName(opts.output) ?? 'csv';
  if (!(exportFormats as readonly string[]).includes(format)) return usage(`unknown --format ${format} (${exportFormats.join(', ')})`);
  if (format === 'xlsx' && !opts.output) return usage('--format xlsx writes a binary file: give it with -o FILE');
  if (format !== 'xlsx' && kinds.length > 1) return usage(`--format ${format} takes one --what; several kinds need --format xlsx (one sheet each)`);

  let bad = 0;
  const docs: SourceDoc[] = [];
  const progress = await progressBar(io, true);
  try {
    for await (const o of runFiles(inputs, { cwd: io.cwd, jobs: 1, keep: 'analysis', stdin: io.stdin, extract: opts.extract, onProgress: progress.update })) {
      if (o.ok) docs.push({ file: o.file, analysis: o.analysis! });
      else {
        progress.stderr(problemLine(o.problem));
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
    io.stderr(problemLine(problemOf(e, opts.output ?? '', io.cwd)));
    return 2;
  }
  return bad > 0 ? 2 : 0;
}

export function registerExport(program: Command, ctx: CommandContext): Command {
  return program
    .command('export')
    .description('one table (CSV, XLSX or JSONL) of every indicator, task or project in files, folders or globs')
    .argument('<paths...>', 'files, folders, globs or -')
    .requiredOption('-w, --what <kind>', `what to export: ${exportKinds.join(', ')} (xlsx: several, comma-separated, one sheet each)`)
    .addOption(new Option('-f, --format <format>', 'output format (default: from the -o extension, else csv)').choices(exportFormats))
    .option('-o, --output <file>', 'write to FILE atomically (required for xlsx); csv and jsonl go to stdout without it')
    .addOption(new Option('--lang <lang>', 'column headers and sheet names: Chinese (zh) or English keys (en)').choices(['zh', 'en']).default('zh'))
    .action(async (paths: string[], opts: ExportOptions) => {
      ctx.exitCode = await runExport(paths, opts, ctx.io);
    });
}
