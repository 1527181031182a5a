// `plan-lint report <paths…> -o report.html`: one self-contained HTML report of the plans
// (SPEC "Commands"). Inputs are read like `check` reads them (files, folders, globs, -), linted
// with the configuration that governs each file, and rendered by src/report/html.
// Exit codes: 0 no lint errors, 1 lint errors, 2 usage error or a bad input (the report is still
// written with the other inputs).
import type { Command } from 'commander';
import type { Locale } from '../lint/types.js';
import { renderReport, type ReportInput } from '../report/html/index.js';
import type { InputProblem } from '../report/types.js';
import { toolVersion } from '../report/version.js';
import type { RunIO } from '../run/io.js';
import { writeOutput } from '../run/output.js';
import { problemLine, problemOf, problemText } from '../run/problems.js';
import { progressBar } from '../run/progress.js';
import { runFiles, type Extract } from '../run/run-files.js';
import type { Text } from '../util/i18n.js';
import { eachAnalysed, pathsGiven, settleConfig, type CommandContext } from './command.js';

export interface ReportCliOptions {
  output?: string;
  config?: string;
  rule?: string[];
  title?: string;
  generated?: string;
  locale?: Locale;
  quiet?: boolean;
  ignorePattern?: string[];
  ignore?: boolean;
  /** the pipeline (tests inject their own) */
  extract?: Extract;
}

const text = {
  description: { zh: '为规划文件、文件夹（递归）或通配符匹配的文件生成一个独立的 HTML 报告', en: 'write a self-contained HTML report of plan files, folders (recursively) or globs' },
  argument: { zh: '文件、文件夹、通配符或 -', en: 'files, folders, globs or -' },
  output: { zh: '把报告写入文件 FILE（原子写入）而不是标准输出', en: 'write the report to FILE (atomically) instead of stdout' },
  title: { zh: '报告标题（默认：plan-lint 规划审阅报告）', en: 'the report title (default: plan-lint 规划审阅报告)' },
  generated: { zh: '页眉中显示的日期或说明（报告本身不带时间戳）', en: 'a date or note shown in the header (the report has no timestamp otherwise)' },
} satisfies Record<string, Text>;

/** Run `report`; returns the exit code. Never throws for bad input, configuration or output. */
export async function runReport(inputs: string[], opts: ReportCliOptions, io: RunIO): Promise<number> {
  const locale = opts.locale ?? 'zh';
  if (!pathsGiven(inputs, io, locale)) return 2;
  const config = settleConfig(opts, io, locale);
  if (!config) return 2;
  const problems: InputProblem[] = [];
  const reportInputs: ReportInput[] = [];
  // a corpus report reads hundreds of files: the one progress bar, on a terminal
  const progress = await progressBar(io, !opts.quiet, locale);
  try {
    const run = runFiles(inputs, {
      cwd: io.cwd,
      config,
      locale,
      jobs: 1,
      keep: 'analysis',
      stdin: io.stdin,
      extract: opts.extract,
      onProgress: progress.update,
      ignore: { enabled: opts.ignore, patterns: opts.ignorePattern },
    });
    await eachAnalysed(
      run,
      progress,
      { quiet: opts.quiet, locale },
      (o) => reportInputs.push({ file: o.file, analysis: o.analysis!, messages: o.messages! }),
      (p) => problems.push({ file: p.file, message: problemText(p, locale) }),
    );
  } finally {
    progress.stop();
  }
  const html = renderReport(reportInputs, { title: opts.title, generated: opts.generated, version: toolVersion(), problems });
  try {
    await writeOutput(opts.output ?? null, html, io);
  } catch (e) {
    io.stderr(problemLine(problemOf(e, opts.output ?? '', io.cwd), locale));
    return 2;
  }
  if (problems.length) return 2;
  return reportInputs.some((r) => r.messages.some((m) => m.severity === 2)) ? 1 : 0;
}

export function registerReport(program: Command, ctx: CommandContext): Command {
  const v = ctx.options;
  const t = (x: Text) => x[ctx.locale];
  return program
    .command('report')
    .description(t(text.description))
    .argument('<paths...>', t(text.argument))
    .addOption(v.output(text.output))
    .addOption(v.config())
    .addOption(v.rule())
    .option('--title <text>', t(text.title))
    .option('--generated <text>', t(text.generated))
    .addOption(v.locale())
    .addOption(v.quiet())
    .addOption(v.ignorePattern())
    .addOption(v.noIgnore())
    .action(async (paths: string[], opts: ReportCliOptions) => {
      ctx.exitCode = await runReport(paths, opts, ctx.io);
    });
}
