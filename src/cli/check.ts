// `plan-lint check <paths…>`: lint plan files and report in one of five formats (SPEC "check").
// Exit codes: 0 no errors, 1 lint errors or too many warnings, 2 usage error or bad input.
import { Command, Option } from 'commander';
import { rules as catalog } from '../lint/rules/index.js';
import type { FileResult, Locale } from '../lint/types.js';
import { formatters, formatNames, streamFormatter, type FormatName } from '../report/formatters/index.js';
import type { InputProblem } from '../report/types.js';
import { toolVersion } from '../report/version.js';
import type { RunIO } from '../run/io.js';
import { openOutput, type Output } from '../run/output.js';
import { problemLine, problemOf } from '../run/problems.js';
import { progressBar } from '../run/progress.js';
import { runFiles, type Extract } from '../run/run-files.js';
import { collect, nonNegativeInt, positiveInt, settleConfig, type CommandContext } from './command.js';

export interface CheckOptions {
  format?: FormatName;
  outputFile?: string;
  config?: string;
  rule?: string[];
  maxWarnings?: number;
  quiet?: boolean;
  locale?: Locale;
  color?: boolean;
  /** files worked on at once (default: runner's defaultJobs) */
  jobs?: number;
  /** the pipeline and the worker script (tests inject their own) */
  extract?: Extract;
  workerScript?: URL;
}

function useColor(opts: CheckOptions, io: RunIO): boolean {
  if (opts.color === false || opts.outputFile) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  return io.isTTY;
}

/** Run `check`; returns the exit code. Never throws for bad input, configuration or output. */
export async function runCheck(inputs: string[], opts: CheckOptions, io: RunIO): Promise<number> {
  const locale = opts.locale ?? 'zh';
  const format = opts.format ?? 'stylish';
  const problems: InputProblem[] = [];
  const config = settleConfig(opts, io);
  if (!config) return 2;
  const progress = await progressBar(io, !opts.quiet);
  let out: Output;
  try {
    // while a bar is on the terminal, output meant for the same terminal waits until it is done
    out = await openOutput(opts.outputFile ?? null, io, () => progress.active && io.isTTY);
  } catch (e) {
    io.stderr(problemLine(problemOf(e, opts.outputFile ?? '', io.cwd)));
    return 2;
  }
  const ctx = { cwd: io.cwd, color: useColor(opts, io), locale, rules: catalog, problems, version: toolVersion() };
  const stream = streamFormatter(format, ctx);
  const kept: FileResult[] = []; // only for formats that cannot stream (SARIF)
  const printed = new Set<string>();
  let errors = 0;
  let warnings = 0;
  let first = true;
  if (stream) await out.write(stream.head());
  try {
    const run = runFiles(inputs, { cwd: io.cwd, config, locale, jobs: opts.jobs, keep: 'messages', stdin: io.stdin, extract: opts.extract, workerScript: opts.workerScript, onProgress: progress.update });
    for await (const o of run) {
      if (!o.ok) {
        const line = problemLine(o.problem);
        if (!printed.has(line)) progress.stderr(line);
        printed.add(line);
        problems.push({ file: o.problem.file, message: o.problem.message });
        continue;
      }
      const all = o.messages ?? [];
      const messages = opts.quiet ? all.filter((m) => m.severity === 2) : all;
      const r: FileResult = {
        filePath: o.path === '-' ? o.file : o.path,
        messages,
        errorCount: messages.filter((m) => m.severity === 2).length,
        warningCount: messages.filter((m) => m.severity === 1).length,
      };
      errors += r.errorCount;
      warnings += r.warningCount;
      if (stream) {
        await out.write(stream.file(r, first));
        first = false;
      } else kept.push(r);
    }
  } finally {
    progress.stop();
  }
  await out.write(stream ? stream.tail(errors, warnings) : formatters[format](kept, ctx));
  try {
    await out.close();
  } catch (e) {
    io.stderr(problemLine(problemOf(e, opts.outputFile ?? '', io.cwd)));
    return 2;
  }

  const tooManyWarnings = opts.maxWarnings !== undefined && opts.maxWarnings >= 0 && warnings > opts.maxWarnings;
  if (tooManyWarnings) {
    io.stderr(
      locale === 'zh'
        ? `plan-lint: 警告过多（${warnings} 个，上限 ${opts.maxWarnings}）\n`
        : `plan-lint: too many warnings (${warnings}, maximum ${opts.maxWarnings})\n`,
    );
  }
  if (problems.length > 0) return 2;
  if (errors > 0 || tooManyWarnings) return 1;
  return 0;
}

export function registerCheck(program: Command, ctx: CommandContext): Command {
  return program
    .command('check')
    .description('lint plan files, folders (recursively) or globs; "-" reads stdin')
    .argument('<paths...>', 'files, folders, globs or -')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatNames).default('stylish'))
    .option('-o, --output-file <file>', 'write the report to FILE (atomically) instead of stdout')
    .option('-c, --config <file>', 'use this configuration file instead of looking for .planlintrc.* upwards')
    .option('--rule <id=severity>', "set a rule's severity: ID=off|warn|error (repeatable)", collect)
    .option('--max-warnings <n>', 'exit 1 when there are more than N warnings', nonNegativeInt)
    .option('--quiet', 'report errors only')
    .addOption(new Option('--locale <locale>', 'language of the messages').choices(['zh', 'en']).default('zh'))
    .option('--no-color', 'no colours in the output (also: NO_COLOR=1)')
    .option('-j, --jobs <n>', 'files worked on at once, in worker threads when more than one (default: 1 on machines with 2 cores or fewer, else cores - 1, at most 4 and one per 4 MB of input)', positiveInt)
    .action(async (paths: string[], opts: CheckOptions) => {
      ctx.exitCode = await runCheck(paths, opts, ctx.io);
    });
}
