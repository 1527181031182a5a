// `plan-lint extract <path> [--format yaml|json] [-o FILE]` and `plan-lint schema`.
import path from 'node:path';
import type { Command } from 'commander';
import YAML from 'yaml';
import { documentJsonSchema, type PlanDocument } from '../model/schema.js';
import type { RunIO } from '../run/io.js';
import { writeOutput } from '../run/output.js';
import { problemLine, problemOf } from '../run/problems.js';
import { runFile, type Extract } from '../run/run-files.js';
import type { CommandContext } from './command.js';

export function serialize(doc: PlanDocument, format: string): string {
  if (format === 'json') return JSON.stringify(doc, null, 2) + '\n';
  return YAML.stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}

export interface ExtractOptions {
  format?: string;
  output?: string;
  /** the pipeline (tests inject their own) */
  extract?: Extract;
}

/** Run `extract`; returns the exit code. Never throws for bad input or output. */
export async function runExtract(file: string, opts: ExtractOptions, io: RunIO): Promise<number> {
  const format = opts.format ?? 'yaml';
  if (!['yaml', 'json'].includes(format)) {
    io.stderr(`plan-lint: unknown --format ${format} (yaml or json)\n`);
    return 2;
  }
  // the file as given names it in messages and in source.path
  const shown = file === '-' ? '<stdin>' : file;
  const o = await runFile(file === '-' ? file : path.resolve(io.cwd, file), shown, { cwd: io.cwd, keep: 'analysis', stdin: io.stdin, extract: opts.extract }, shown);
  if (!o.ok) {
    io.stderr(problemLine(o.problem));
    return 2;
  }
  try {
    await writeOutput(opts.output ?? null, serialize(o.analysis!.document, format), io);
  } catch (e) {
    io.stderr(problemLine(problemOf(e, opts.output ?? '<stdout>', io.cwd)));
    return 2;
  }
  return 0;
}

export function registerExtract(program: Command, ctx: CommandContext): void {
  program
    .command('extract')
    .description('print the typed document model of one plan file (YAML by default)')
    .argument('<path>', 'a plan file (.txt .md .html .docx …), or - for standard input')
    .option('--format <format>', 'yaml or json', 'yaml')
    .option('-o, --output <file>', 'write to a file (atomically) instead of standard output')
    .action(async (file: string, opts: ExtractOptions) => {
      ctx.exitCode = await runExtract(file, opts, ctx.io);
    });
}

export function registerSchema(program: Command, ctx: CommandContext): void {
  program
    .command('schema')
    .description('print the JSON Schema of the extract output (generated from the zod model)')
    .action(() => writeOutput(null, JSON.stringify(documentJsonSchema(), null, 2) + '\n', ctx.io));
}
