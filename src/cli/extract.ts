// `plan-lint extract <paths…> [--format yaml|json] [-o FILE]` and `plan-lint schema`.
// One file: its document model, as YAML or pretty JSON. Several files, a folder or a glob: read
// through the runner like check reads them, one document each, in input order — JSON Lines for
// json (one document per line), multi-document YAML (each document opened by ---) for yaml.
// Exit codes: 0 every input extracted, 2 usage error or a bad input (the others still extracted).
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type YAMLModule from 'yaml';
import type { Locale } from '../lint/types.js';
import type { PlanDocument } from '../model/schema.js';
import type { RunIO } from '../run/io.js';
import { openOutput, writeOutput, type Output } from '../run/output.js';
import { problemLine, problemOf } from '../run/problems.js';
import { progressBar } from '../run/progress.js';
import { runFile, runFiles, type Extract } from '../run/run-files.js';
import { say, type Text } from '../util/i18n.js';
import { lazyRequire } from '../util/lazy-require.js';
import { eachAnalysed, pathsGiven, type CommandContext } from './command.js';

// loaded only for YAML output (JSON needs no library)
const YAML = lazyRequire<typeof YAMLModule>('yaml');

export const extractFormats = ['yaml', 'json'] as const;
type Format = (typeof extractFormats)[number];

export function serialize(doc: PlanDocument, format: string): string {
  if (format === 'json') return JSON.stringify(doc, null, 2) + '\n';
  return YAML().stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}

/** One document of a stream of many: a JSON line, or a YAML document opened by ---. */
export function serializeInStream(doc: PlanDocument, format: Format): string {
  if (format === 'json') return JSON.stringify(doc) + '\n';
  return '---\n' + serialize(doc, format);
}

export interface ExtractOptions {
  format?: string;
  output?: string;
  locale?: Locale;
  quiet?: boolean;
  /** the pipeline (tests inject their own) */
  extract?: Extract;
}

const text = {
  description: {
    zh: '输出规划文件的结构化文档模型（默认 YAML）；多个文件时每个一份（JSON Lines 或多文档 YAML）',
    en: 'print the typed document model of plan files (YAML by default); several files: one document each (JSON Lines, multi-document YAML)',
  },
  argument: {
    zh: '规划文件（.txt .md .html .docx …）、文件夹、通配符，或用 - 读取标准输入',
    en: 'plan files (.txt .md .html .docx …), folders, globs, or - for standard input',
  },
  format: { zh: '输出格式：yaml 或 json（多个文件时为 JSON Lines）', en: 'yaml or json (several files: JSON Lines)' },
  formatUnknown: { zh: '未知的 --format {format}（yaml 或 json）\n', en: 'unknown --format {format} (yaml or json)\n' },
  schema: { zh: '输出 extract 结果的 JSON Schema（由 zod 模型生成）', en: 'print the JSON Schema of the extract output (generated from the zod model)' },
} satisfies Record<string, Text>;

/** One input that names one file (or stdin): extract keeps its single-document output. */
function isOneFile(inputs: string[], cwd: string): boolean {
  if (inputs.length !== 1) return false;
  if (inputs[0] === '-') return true;
  try {
    return !statSync(path.resolve(cwd, inputs[0])).isDirectory();
  } catch {
    // a path that does not exist is reported as the one file it names; a glob is many
    return !/[*?[\]{}]/.test(inputs[0]);
  }
}

async function extractOne(file: string, format: Format, opts: ExtractOptions, io: RunIO, locale: Locale): Promise<number> {
  // the file as given names it in messages and in source.path
  const shown = file === '-' ? '<stdin>' : file;
  const o = await runFile(file === '-' ? file : path.resolve(io.cwd, file), shown, { cwd: io.cwd, keep: 'analysis', stdin: io.stdin, extract: opts.extract }, shown);
  if (!o.ok) {
    io.stderr(problemLine(o.problem, locale));
    return 2;
  }
  try {
    await writeOutput(opts.output ?? null, serialize(o.analysis!.document, format), io);
  } catch (e) {
    io.stderr(problemLine(problemOf(e, opts.output ?? '<stdout>', io.cwd), locale));
    return 2;
  }
  return 0;
}

async function extractMany(inputs: string[], format: Format, opts: ExtractOptions, io: RunIO, locale: Locale): Promise<number> {
  const progress = await progressBar(io, !opts.quiet, locale);
  let out: Output;
  try {
    out = await openOutput(opts.output ?? null, io, () => progress.active && io.isTTY);
  } catch (e) {
    io.stderr(problemLine(problemOf(e, opts.output ?? '', io.cwd), locale));
    return 2;
  }
  let bad: number;
  try {
    const run = runFiles(inputs, { cwd: io.cwd, jobs: 1, keep: 'analysis', stdin: io.stdin, extract: opts.extract, onProgress: progress.update });
    bad = await eachAnalysed(run, progress, { quiet: opts.quiet, locale }, (o) => out.write(serializeInStream(o.analysis!.document, format)));
  } finally {
    progress.stop();
  }
  try {
    await out.close();
  } catch (e) {
    io.stderr(problemLine(problemOf(e, opts.output ?? '', io.cwd), locale));
    return 2;
  }
  return bad > 0 ? 2 : 0;
}

/** Run `extract`; returns the exit code. Never throws for bad input or output. */
export async function runExtract(inputs: string[], opts: ExtractOptions, io: RunIO): Promise<number> {
  const locale = opts.locale ?? 'zh';
  const format = opts.format ?? 'yaml';
  if (!(extractFormats as readonly string[]).includes(format)) {
    io.stderr('plan-lint: ' + say(text.formatUnknown, locale, { format }));
    return 2;
  }
  if (!pathsGiven(inputs, io, locale)) return 2;
  return isOneFile(inputs, io.cwd) ? extractOne(inputs[0], format as Format, opts, io, locale) : extractMany(inputs, format as Format, opts, io, locale);
}

export function registerExtract(program: Command, ctx: CommandContext): void {
  const v = ctx.options;
  program
    .command('extract')
    .description(text.description[ctx.locale])
    .argument('<paths...>', text.argument[ctx.locale])
    .addOption(v.format(extractFormats, 'yaml', text.format))
    .addOption(v.output())
    .addOption(v.locale())
    .addOption(v.quiet())
    .action(async (files: string[], opts: ExtractOptions) => {
      ctx.exitCode = await runExtract(files, opts, ctx.io);
    });
}

export function registerSchema(program: Command, ctx: CommandContext): void {
  program
    .command('schema')
    .description(text.schema[ctx.locale])
    .addOption(ctx.options.output())
    .addOption(ctx.options.locale())
    .action(async (opts: { output?: string }) => {
      try {
        // the zod schema (and zod) only for this command
        const { documentJsonSchema } = await import('../model/schema.js');
        await writeOutput(opts.output ?? null, JSON.stringify(documentJsonSchema(), null, 2) + '\n', ctx.io);
      } catch (e) {
        ctx.io.stderr(problemLine(problemOf(e, opts.output ?? '', ctx.io.cwd), ctx.locale));
        ctx.exitCode = 2;
      }
    });
}
