// `plan-lint check <paths…>`: lint plan files and report in one of five formats (SPEC "check").
// Exit codes: 0 no errors, 1 lint errors or too many warnings, 2 usage error or bad input.
import path from 'node:path';
import type { Command } from 'commander';
import { rules as catalog } from '../lint/rules/index.js';
import type { FileResult, Level, Locale } from '../lint/types.js';
import { formatters, formatNames, streamFormatter, totalsOf, type FormatName, type Totals } from '../report/formatters/index.js';
import type { InputProblem } from '../report/types.js';
import { toolVersion } from '../report/version.js';
import { printedConfig } from '../run/config.js';
import type { RunIO } from '../run/io.js';
import { openOutput, type Output } from '../run/output.js';
import { problemLine, problemOf, problemText } from '../run/problems.js';
import { progressBar } from '../run/progress.js';
import { runFiles, type Extract } from '../run/run-files.js';
import { say, type Text } from '../util/i18n.js';
import { STDIN_PATH } from '../util/paths.js';
import { fixLine, pathsGiven, settleConfig, skipLine, type CommandContext } from './command.js';
import { cliText } from './messages.js';

export interface CheckOptions {
  format?: FormatName;
  output?: string;
  /** the former name of --output */
  outputFile?: string;
  config?: string;
  rule?: string[];
  maxWarnings?: number;
  quiet?: boolean;
  locale?: Locale;
  color?: boolean;
  /** files worked on at once (default: runner's defaultJobs) */
  jobs?: number;
  ignorePattern?: string[];
  /** false: --no-ignore */
  ignore?: boolean;
  /** false: --no-inline-config */
  inlineConfig?: boolean;
  reportUnusedDisableDirectives?: boolean;
  reportUnusedDisableDirectivesSeverity?: Level;
  fix?: boolean;
  printConfig?: string;
  /** the pipeline and the worker script (tests inject their own) */
  extract?: Extract;
  workerScript?: URL;
}

const description: Text = {
  zh: '检查规划文件、文件夹（递归）或通配符匹配的文件；“-”读取标准输入',
  en: 'lint plan files, folders (recursively) or globs; "-" reads stdin',
};
const argument: Text = { zh: '文件、文件夹、通配符或 -', en: 'files, folders, globs or -' };

function useColor(opts: CheckOptions, io: RunIO, output: string | undefined): boolean {
  if (opts.color === false || output) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  return io.isTTY;
}

/** `--print-config FILE`: the configuration that applies to FILE, as JSON. */
async function printConfig(file: string, opts: CheckOptions, io: RunIO, locale: Locale): Promise<number> {
  const config = settleConfig(opts, io, locale);
  if (!config) return 2;
  try {
    const abs = file === '-' ? '-' : path.resolve(io.cwd, file);
    await io.stdout(JSON.stringify(printedConfig(config.forFile(abs), io.cwd), null, 2) + '\n');
    return 0;
  } catch (e) {
    io.stderr(problemLine(problemOf(e, file, io.cwd), locale));
    return 2;
  }
}

/** Run `check`; returns the exit code. Never throws for bad input, configuration or output. */
export async function runCheck(inputs: string[], opts: CheckOptions, io: RunIO): Promise<number> {
  const locale = opts.locale ?? 'zh';
  const format = opts.format ?? 'stylish';
  const target = opts.output ?? opts.outputFile;
  if (opts.printConfig !== undefined) {
    if (inputs.length) {
      io.stderr(cliText.printConfigNoInputs[locale]);
      return 2;
    }
    return printConfig(opts.printConfig, opts, io, locale);
  }
  if (!inputs.length) {
    io.stderr(cliText.missingPaths[locale]);
    return 2;
  }
  if (!pathsGiven(inputs, io, locale)) return 2;
  const problems: InputProblem[] = [];
  const progress = await progressBar(io, !opts.quiet, locale);
  const config = settleConfig(opts, io, locale);
  if (!config) return 2;
  let out: Output;
  try {
    // while a bar is on the terminal, output meant for the same terminal waits until it is done
    out = await openOutput(target ?? null, io, () => progress.active && io.isTTY);
  } catch (e) {
    io.stderr(problemLine(problemOf(e, target ?? '', io.cwd), locale));
    return 2;
  }
  const ctx = { cwd: io.cwd, color: useColor(opts, io, target), locale, rules: catalog, problems, version: toolVersion() };
  const stream = streamFormatter(format, ctx);
  const kept: FileResult[] = []; // only for formats that cannot stream (SARIF)
  const printed = new Set<string>();
  const totals: Totals = { errors: 0, warnings: 0, fixableErrors: 0, fixableWarnings: 0 };
  let first = true;
  const emit = async (r: FileResult) => {
    if (stream) {
      await out.write(stream.file(r, first));
      first = false;
    } else kept.push(r);
  };
  const unused = opts.reportUnusedDisableDirectivesSeverity ?? (opts.reportUnusedDisableDirectives ? 'error' : undefined);
  if (stream) await out.write(stream.head());
  try {
    const run = runFiles(inputs, {
      cwd: io.cwd,
      config,
      locale,
      jobs: opts.jobs,
      keep: 'messages',
      stdin: io.stdin,
      extract: opts.extract,
      workerScript: opts.workerScript,
      onProgress: progress.update,
      lint: { inlineConfig: opts.inlineConfig, reportUnusedDisableDirectives: unused, fix: opts.fix },
      ignore: { enabled: opts.ignore, patterns: opts.ignorePattern },
    });
    for await (const o of run) {
      if (o.ok === 'skipped') {
        if (!opts.quiet) progress.stderr(skipLine(o.file, o.reason, locale));
        continue;
      }
      if (!o.ok) {
        const line = problemLine(o.problem, locale);
        if (!printed.has(line)) progress.stderr(line);
        printed.add(line);
        const reason = problemText(o.problem, locale);
        // a configuration problem names the configuration file; the input it stopped is o.file
        const message = o.problem.file === o.file ? reason : `${o.problem.file}: ${reason}`;
        problems.push({ file: o.file, message });
        const filePath = o.file === STDIN_PATH || o.file.startsWith('"') ? o.file : path.resolve(io.cwd, o.file);
        await emit({ filePath, messages: [], errorCount: 1, warningCount: 0, fatal: message });
        continue;
      }
      const note = fixLine(o.file, o.fix, locale);
      if (note && !opts.quiet) progress.stderr(note);
      const all = o.messages ?? [];
      const messages = opts.quiet ? all.filter((m) => m.severity === 2) : all;
      const r: FileResult = {
        filePath: o.path === '-' ? o.file : o.path,
        // (the runner's displayPath of the file: the formatters do not work it out again)
        shownPath: o.file,
        messages,
        errorCount: messages.filter((m) => m.severity === 2).length,
        warningCount: messages.filter((m) => m.severity === 1).length,
        suppressedMessages: o.suppressed ?? [],
      };
      const t = totalsOf([r]);
      totals.errors += t.errors;
      totals.warnings += t.warnings;
      totals.fixableErrors += t.fixableErrors;
      totals.fixableWarnings += t.fixableWarnings;
      await emit(r);
    }
  } finally {
    progress.stop();
  }
  await out.write(stream ? stream.tail(totals) : formatters[format](kept, ctx));
  try {
    await out.close();
  } catch (e) {
    io.stderr(problemLine(problemOf(e, target ?? '', io.cwd), locale));
    return 2;
  }

  const tooManyWarnings = opts.maxWarnings !== undefined && opts.maxWarnings >= 0 && totals.warnings > opts.maxWarnings;
  if (tooManyWarnings) io.stderr(say(cliText.tooManyWarnings, locale, { count: totals.warnings, max: opts.maxWarnings! }));
  if (problems.length > 0) return 2;
  if (totals.errors > 0 || tooManyWarnings) return 1;
  return 0;
}

export function registerCheck(program: Command, ctx: CommandContext): Command {
  const v = ctx.options;
  return program
    .command('check')
    .description(description[ctx.locale])
    .argument('[paths...]', argument[ctx.locale])
    .addOption(v.format(formatNames, 'stylish'))
    .addOption(v.output())
    .addOption(v.outputFile())
    .addOption(v.config())
    .addOption(v.rule())
    .addOption(v.maxWarnings())
    .addOption(v.quiet())
    .addOption(v.locale())
    .addOption(v.color())
    .addOption(v.jobs())
    .addOption(v.fix())
    .addOption(v.ignorePattern())
    .addOption(v.noIgnore())
    .addOption(v.noInlineConfig())
    .addOption(v.reportUnused())
    .addOption(v.reportUnusedSeverity())
    .addOption(v.printConfig())
    .action(async (paths: string[], opts: CheckOptions) => {
      ctx.exitCode = await runCheck(paths, opts, ctx.io);
    });
}
