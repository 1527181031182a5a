// `plan-lint report <paths…> -o report.html`: one self-contained HTML report of the plans
// (SPEC "Commands"). Inputs are read like `check` reads them (files, folders, globs, -), linted
// with the configuration that governs each file, and rendered by src/report/html.
// Exit codes: 0 no lint errors, 1 lint errors, 2 usage error or a bad input (the report is still
// written with the other inputs).
import path from 'node:path';
import type { Command } from 'commander';
import type { ExtractResult } from '../model/analysis.js';
import { lint } from '../lint/engine.js';
import { expandInputs, STDIN } from '../lint/inputs.js';
import { ConfigError, withRuleFlags, type Config } from '../config/schema.js';
import { lintSetup } from '../config/setup.js';
import { displayPath, STDIN_PATH } from '../report/paths.js';
import { toolVersion } from '../report/version.js';
import { writeAtomic } from '../report/write-atomic.js';
import type { InputProblem } from '../report/types.js';
import { renderReport, type ReportInput } from '../report/html/index.js';
import { exitTwoOnUsageError } from './check.js';
import { collect, oneLine } from './options.js';

export interface ReportCliOptions {
  output?: string;
  config?: string;
  rule?: string[];
  title?: string;
  generated?: string;
}

export interface ReportIO {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** the extraction pipeline (tests inject their own) */
  extract?: (file: string) => Promise<ExtractResult>;
}


/** Run `report`; returns the exit code. Never throws for bad input or configuration. */
export async function runReport(inputs: string[], opts: ReportCliOptions, io: ReportIO): Promise<number> {
  const problems: InputProblem[] = [];
  const problem = (file: string, message: string) => {
    io.stderr(`plan-lint: ${file}: ${oneLine(message)}\n`);
    problems.push({ file, message: oneLine(message) });
  };

  const setup = lintSetup(opts, io);
  if (!setup) return 2;
  const { flags, resolver } = setup;
  const extract = io.extract ?? (await import('../pipeline.js')).extractPath;

  const expanded = await expandInputs(inputs, io.cwd);
  for (const p of expanded.problems) problem(p.file, p.message);

  const reportInputs: ReportInput[] = [];
  for (const file of expanded.files) {
    const shown = file === STDIN ? STDIN_PATH : displayPath(file, io.cwd);
    try {
      const config = withRuleFlags(resolver.forDir(file === STDIN ? io.cwd : path.dirname(file)), flags);
      const result = await extract(file);
      const messages = lint(result, { rules: config.rules, locale: 'zh' });
      reportInputs.push({ file: shown, result, messages });
    } catch (e) {
      const err = e as Error & { code?: string };
      if (e instanceof ConfigError) problem(displayPath(e.file, io.cwd), e.message);
      else if (err.name === 'InputError') problem(shown, err.message);
      else if (err.code === 'ENOENT') problem(shown, 'no such file or directory');
      else problem(shown, `internal error: ${err.message}`);
    }
  }

  const html = renderReport(reportInputs, {
    title: opts.title,
    generated: opts.generated,
    version: toolVersion(),
    problems,
  });
  if (opts.output) {
    try {
      await writeAtomic(path.resolve(io.cwd, opts.output), html);
    } catch (e) {
      io.stderr(`plan-lint: ${opts.output}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
      return 2;
    }
  } else io.stdout(html);

  if (problems.length) return 2;
  return reportInputs.some((r) => r.messages.some((m) => m.severity === 2)) ? 1 : 0;
}


export function registerReport(program: Command): Command {
  const cmd = program
    .command('report')
    .description('write a self-contained HTML report of plan files, folders (recursively) or globs')
    .argument('<paths...>', 'files, folders, globs or -')
    .option('-o, --output <file>', 'write the report to FILE (atomically) instead of stdout')
    .option('-c, --config <file>', 'use this configuration file instead of looking for .planlintrc.* upwards')
    .option('--rule <id=severity>', "set a rule's severity: ID=off|warn|error (repeatable)", collect)
    .option('--title <text>', 'the report title (default: plan-lint 规划审阅报告)')
    .option('--generated <text>', 'a date or note shown in the header (the report has no timestamp otherwise)')
    .action(async (paths: string[], opts: ReportCliOptions) => {
      process.exitCode = await runReport(paths, opts, {
        cwd: process.cwd(),
        stdout: (s) => process.stdout.write(s),
        stderr: (s) => process.stderr.write(s),
      });
    });
  exitTwoOnUsageError(cmd);
  return cmd;
}
