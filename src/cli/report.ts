// `plan-lint report <paths…> -o report.html`: one self-contained HTML report of the plans
// (SPEC "Commands"). Inputs are read like `check` reads them (files, folders, globs, -), linted
// with the configuration that governs each file, and rendered by src/report/html.
// Exit codes: 0 no lint errors, 1 lint errors, 2 usage error or a bad input (the report is still
// written with the other inputs).
import type { Command } from 'commander';
import { renderReport, type ReportInput } from '../report/html/index.js';
import type { InputProblem } from '../report/types.js';
import { toolVersion } from '../report/version.js';
import type { RunIO } from '../run/io.js';
import { writeOutput } from '../run/output.js';
import { problemLine, problemOf } from '../run/problems.js';
import { progressBar } from '../run/progress.js';
import { runFiles, type Extract } from '../run/run-files.js';
import { collect, settleConfig, type CommandContext } from './command.js';

export interface ReportCliOptions {
  output?: string;
  config?: string;
  rule?: string[];
  title?: string;
  generated?: string;
  /** the pipeline (tests inject their own) */
  extract?: Extract;
}

/** Run `report`; returns the exit code. Never throws for bad input, configuration or output. */
export async function runReport(inputs: string[], opts: ReportCliOptions, io: RunIO): Promise<number> {
  const config = settleConfig(opts, io);
  if (!config) return 2;
  const problems: InputProblem[] = [];
  const reportInputs: ReportInput[] = [];
  // a corpus report reads hundreds of files: the one progress bar, on a terminal
  const progress = await progressBar(io, true);
  try {
    const run = { cwd: io.cwd, config, locale: 'zh', jobs: 1, keep: 'analysis', stdin: io.stdin, extract: opts.extract, onProgress: progress.update } as const;
    for await (const o of runFiles(inputs, run)) {
      if (o.ok) reportInputs.push({ file: o.file, analysis: o.analysis!, messages: o.messages! });
      else {
        progress.stderr(problemLine(o.problem));
        problems.push({ file: o.problem.file, message: o.problem.message });
      }
    }
  } finally {
    progress.stop();
  }
  const html = renderReport(reportInputs, { title: opts.title, generated: opts.generated, version: toolVersion(), problems });
  try {
    await writeOutput(opts.output ?? null, html, io);
  } catch (e) {
    io.stderr(problemLine(problemOf(e, opts.output ?? '', io.cwd)));
    return 2;
  }
  if (problems.length) return 2;
  return reportInputs.some((r) => r.messages.some((m) => m.severity === 2)) ? 1 : 0;
}

export function registerReport(program: Command, ctx: CommandContext): Command {
  return program
    .command('report')
    .description('write a self-contained HTML report of plan files, folders (recursively) or globs')
    .argument('<paths...>', 'files, folders, globs or -')
    .option('-o, --output <file>', 'write the report to FILE (atomically) instead of stdout')
    .option('-c, --config <file>', 'use this configuration file instead of looking for .planlintrc.* upwards')
    .option('--rule <id=severity>', "set a rule's severity: ID=off|warn|error (repeatable)", collect)
    .option('--title <text>', 'the report title (default: plan-lint 规划审阅报告)')
    .option('--generated <text>', 'a date or note shown in the header (the report has no timestamp otherwise)')
    .action(async (paths: string[], opts: ReportCliOptions) => {
      ctx.exitCode = await runReport(paths, opts, ctx.io);
    });
}
