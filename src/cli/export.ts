// `plan-lint export <paths…> --what indicators|tasks|projects --format csv|xlsx|jsonl -o FILE`:
// one table of every indicator, task or project over many files (SPEC "export").
// Exit codes: 0 all inputs exported, 2 usage error or a bad input (the others still exported).
import path from 'node:path';
import { Command, Option } from 'commander';
import type { SingleBar } from 'cli-progress';
import type { ExtractResult } from '../model/analysis.js';
import { expandInputs, STDIN } from '../lint/inputs.js';
import { displayPath, STDIN_PATH } from '../report/paths.js';
import { writeAtomic } from '../report/write-atomic.js';
import { exportKinds, exportTable, type ExportKind, type Lang, type SourceDoc, type Table } from '../export/columns.js';
import { toCsv } from '../export/csv.js';
import { toJsonl } from '../export/jsonl.js';
import { exitTwoOnUsageError } from './check.js';
import { oneLine } from './options.js';

export const exportFormats = ['csv', 'xlsx', 'jsonl'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportOptions {
  /** one kind, or several separated by commas (several only for xlsx: one sheet each) */
  what: string;
  format?: ExportFormat;
  output?: string;
  lang?: Lang;
}

export interface ExportIO {
  cwd: string;
  stdout: (s: string) => Promise<void> | void;
  stderr: (s: string) => void;
  /** a progress bar is drawn on stderr only when it is a terminal and there are many files */
  stderrIsTTY: boolean;
  extract?: (file: string) => Promise<ExtractResult>;
}

/** More files than this, on a terminal, and a progress bar is shown. */
export const PROGRESS_MIN_FILES = 20;


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

async function progressBar(total: number, io: ExportIO): Promise<SingleBar | null> {
  if (!io.stderrIsTTY || total <= PROGRESS_MIN_FILES) return null;
  const { default: progress } = await import('cli-progress');
  const bar = new progress.SingleBar(
    { stream: process.stderr, format: 'plan-lint export [{bar}] {value}/{total} {file}', hideCursor: true, clearOnComplete: true },
    progress.Presets.shades_classic,
  );
  bar.start(total, 0, { file: '' });
  return bar;
}

/** Run `export`; returns the exit code. Never throws for bad input. */
export async function runExport(inputs: string[], opts: ExportOptions, io: ExportIO): Promise<number> {
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
  const lang = opts.lang ?? 'zh';

  let bad = 0;
  let held: string[] | null = null; // problem lines wait while a progress bar owns the terminal
  const problem = (file: string, message: string) => {
    const line = `plan-lint: ${file}: ${oneLine(message)}\n`;
    if (held) held.push(line);
    else io.stderr(line);
    bad++;
  };
  const expanded = await expandInputs(inputs, io.cwd);
  for (const p of expanded.problems) problem(p.file, p.message);

  let extract = io.extract ?? null;
  const docs: SourceDoc[] = [];
  const bar = await progressBar(expanded.files.length, io);
  if (bar) held = [];
  for (const file of expanded.files) {
    const shown = file === STDIN ? STDIN_PATH : displayPath(file, io.cwd);
    bar?.increment(0, { file: path.basename(shown) });
    try {
      extract ??= (await import('../pipeline.js')).extractPath;
      const { document } = await extract(file);
      docs.push({ file: shown, plans: document.plans });
    } catch (e) {
      const err = e as Error & { code?: string };
      if (err.name === 'InputError') problem(shown, err.message);
      else if (err.code === 'ENOENT') problem(shown, 'no such file or directory');
      else problem(shown, `internal error: ${err.message}`);
    }
    bar?.increment(1);
  }
  bar?.stop();
  for (const line of held ?? []) io.stderr(line);

  const tables: Table[] = kinds.map((k) => exportTable(k, docs, lang));
  const data = format === 'xlsx' ? await (await import('../export/xlsx.js')).toXlsx(tables) : format === 'jsonl' ? toJsonl(tables[0]) : toCsv(tables[0]);
  if (opts.output) {
    try {
      await writeAtomic(path.resolve(io.cwd, opts.output), data);
    } catch (e) {
      return usage(`${opts.output}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  } else await io.stdout(data as string);
  return bad > 0 ? 2 : 0;
}

export function registerExport(program: Command): Command {
  const cmd = program
    .command('export')
    .description('one table (CSV, XLSX or JSONL) of every indicator, task or project in files, folders or globs')
    .argument('<paths...>', 'files, folders, globs or -')
    .requiredOption('-w, --what <kind>', `what to export: ${exportKinds.join(', ')} (xlsx: several, comma-separated, one sheet each)`)
    .addOption(new Option('-f, --format <format>', 'output format (default: from the -o extension, else csv)').choices(exportFormats))
    .option('-o, --output <file>', 'write to FILE atomically (required for xlsx); csv and jsonl go to stdout without it')
    .addOption(new Option('--lang <lang>', 'column headers and sheet names: Chinese (zh) or English keys (en)').choices(['zh', 'en']).default('zh'))
    .action(async (paths: string[], opts: ExportOptions) => {
      process.exitCode = await runExport(paths, opts, {
        cwd: process.cwd(),
        stdout: (s) => new Promise<void>((resolve, reject) => process.stdout.write(s, (err) => (err ? reject(err) : resolve()))),
        stderr: (s) => process.stderr.write(s),
        stderrIsTTY: Boolean(process.stderr.isTTY),
      });
    });
  exitTwoOnUsageError(cmd);
  return cmd;
}
