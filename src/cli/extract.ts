// `plan-lint extract <paths…> [--format yaml|json] [-o FILE]` and `plan-lint schema`.
// One file: its document model, as YAML or pretty JSON. Several files, a folder or a glob: read
// through the runner like check reads them, one document each, in input order — JSON Lines for
// json (one document per line), multi-document YAML (each document opened by ---) for yaml.
// Exit codes: 0 every input extracted, 2 usage error or a bad input (the others still extracted).
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import YAML from 'yaml';
import { documentJsonSchema, type PlanDocument } from '../model/schema.js';
import type { RunIO } from '../run/io.js';
import { openOutput, writeOutput, type Output } from '../run/output.js';
import { problemLine, problemOf } from '../run/problems.js';
import { progressBar } from '../run/progress.js';
import { runFile, runFiles, type Extract } from '../run/run-files.js';
import type { CommandContext } from './command.js';

const formats = ['yaml', 'json'] as const;
type Format = (typeof formats)[number];

export function serialize(doc: PlanDocument, format: string): string {
  if (format === 'json') return JSON.stringify(doc, null, 2) + '\n';
  return YAML.stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}

/** One document of a stream of many: a JSON line, or a YAML document opened by ---. */
export function serializeInStream(doc: PlanDocument, format: Format): string {
  if (format === 'json') return JSON.stringify(doc) + '\n';
  return '---\n' + serialize(doc, format);
}

export interface ExtractOptions {
  format?: string;
  output?: string;
  /** the pipeline (tests inject their own) */
  extract?: Extract;
}

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

async function extractOne(file: string, format: Format, opts: ExtractOptions, io: RunIO): Promise<number> {
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

async function extractMany(inputs: string[], format: Format, opts: ExtractOptions, io: RunIO): Promise<number> {
  const progress = await progressBar(io, true);
  let out: Output;
  try {
    out = await openOutput(opts.output ?? null, io, () => progress.active && io.isTTY);
  } catch (e) {
    io.stderr(problemLine(problemOf(e, opts.output ?? '', io.cwd)));
    return 2;
  }
  let bad = 0;
  try {
    for await (const o of runFiles(inputs, { cwd: io.cwd, jobs: 1, keep: 'analysis', stdin: io.stdin, extract: opts.extract, onProgress: progress.update })) {
      if (o.ok) await out.write(serializeInStream(o.analysis!.document, format));
      else {
        progress.stderr(problemLine(o.problem));
        bad++;
      }
    }
  } finally {
    progress.stop();
  }
  try {
    await out.close();
  } catch (e) {
    io.stderr(problemLine(problemOf(e, opts.output ?? '', io.cwd)));
    return 2;
  }
  return bad > 0 ? 2 : 0;
}

/** Run `extract`; returns the exit code. Never throws for bad input or output. */
export async function runExtract(inputs: string[], opts: ExtractOptions, io: RunIO): Promise<number> {
  const format = opts.format ?? 'yaml';
  if (!(formats as readonly string[]).includes(format)) {
    io.stderr(`plan-lint: unknown --format ${format} (yaml or json)\n`);
    return 2;
  }
  return isOneFile(inputs, io.cwd) ? extractOne(inputs[0], format as Format, opts, io) : extractMany(inputs, format as Format, opts, io);
}

export function registerExtract(program: Command, ctx: CommandContext): void {
  program
    .command('extract')
    .description('print the typed document model of plan files (YAML by default); several files: one document each (JSON Lines, multi-document YAML)')
    .argument('<paths...>', 'plan files (.txt .md .html .docx …), folders, globs, or - for standard input')
    .option('--format <format>', 'yaml or json (several files: JSON Lines)', 'yaml')
    .option('-o, --output <file>', 'write to a file (atomically) instead of standard output')
    .action(async (files: string[], opts: ExtractOptions) => {
      ctx.exitCode = await runExtract(files, opts, ctx.io);
    });
}

export function registerSchema(program: Command, ctx: CommandContext): void {
  program
    .command('schema')
    .description('print the JSON Schema of the extract output (generated from the zod model)')
    .action(() => writeOutput(null, JSON.stringify(documentJsonSchema(), null, 2) + '\n', ctx.io));
}
