// `plan-lint extract <path> [--format yaml|json] [-o FILE]` and `plan-lint schema`.
import path from 'node:path';
import type { Command } from 'commander';
import YAML from 'yaml';
import type { Locale } from '../lint/types.js';
import { documentJsonSchema, type PlanDocument } from '../model/schema.js';
import type { RunIO } from '../run/io.js';
import { writeOutput } from '../run/output.js';
import { problemLine, problemOf } from '../run/problems.js';
import { runFile, type Extract } from '../run/run-files.js';
import type { Text } from '../util/i18n.js';
import { pathsGiven, type CommandContext } from './command.js';

export const extractFormats = ['yaml', 'json'] as const;

export function serialize(doc: PlanDocument, format: string): string {
  if (format === 'json') return JSON.stringify(doc, null, 2) + '\n';
  return YAML.stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}

export interface ExtractOptions {
  format?: string;
  output?: string;
  locale?: Locale;
  /** the pipeline (tests inject their own) */
  extract?: Extract;
}

const text = {
  description: { zh: '输出一个规划文件的结构化文档模型（默认 YAML）', en: 'print the typed document model of one plan file (YAML by default)' },
  argument: { zh: '规划文件（.txt .md .html .docx …），或用 - 读取标准输入', en: 'a plan file (.txt .md .html .docx …), or - for standard input' },
  schema: { zh: '输出 extract 结果的 JSON Schema（由 zod 模型生成）', en: 'print the JSON Schema of the extract output (generated from the zod model)' },
} satisfies Record<string, Text>;

/** Run `extract`; returns the exit code. Never throws for bad input or output. */
export async function runExtract(file: string, opts: ExtractOptions, io: RunIO): Promise<number> {
  const locale = opts.locale ?? 'zh';
  const format = opts.format ?? 'yaml';
  if (!pathsGiven([file], io, locale)) return 2;
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

export function registerExtract(program: Command, ctx: CommandContext): void {
  const v = ctx.options;
  program
    .command('extract')
    .description(text.description[ctx.locale])
    .argument('<path>', text.argument[ctx.locale])
    .addOption(v.format(extractFormats, 'yaml'))
    .addOption(v.output())
    .addOption(v.locale())
    .action(async (file: string, opts: ExtractOptions) => {
      ctx.exitCode = await runExtract(file, opts, ctx.io);
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
        await writeOutput(opts.output ?? null, JSON.stringify(documentJsonSchema(), null, 2) + '\n', ctx.io);
      } catch (e) {
        ctx.io.stderr(problemLine(problemOf(e, opts.output ?? '', ctx.io.cwd), ctx.locale));
        ctx.exitCode = 2;
      }
    });
}
