// `plan-lint check <paths…>`: lint plan files and report in one of five formats (SPEC "check").
// Exit codes: 0 no errors, 1 lint errors or too many warnings, 2 usage error or bad input.
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { ExtractResult } from '../model/analysis.js';
import { lint } from '../lint/engine.js';
import { rules as catalog } from '../lint/rules/index.js';
import type { FileResult, Level, Locale } from '../lint/types.js';
import { expandInputs, STDIN } from '../lint/inputs.js';
import { ConfigError, parseRuleFlag, withRuleFlags, type Config } from '../config/schema.js';
import { ConfigResolver, readConfigFile } from '../config/load.js';
import { formatters, formatNames, type FormatName } from '../report/formatters/index.js';
import { displayPath, STDIN_PATH } from '../report/paths.js';
import { toolVersion } from '../report/version.js';
import { writeAtomic } from '../report/write-atomic.js';
import type { InputProblem } from '../report/types.js';

export interface CheckOptions {
  format?: FormatName;
  outputFile?: string;
  config?: string;
  rule?: string[];
  maxWarnings?: number;
  quiet?: boolean;
  locale?: Locale;
  color?: boolean;
}

export interface CheckIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  /** the extraction pipeline (tests inject their own) */
  extract?: (file: string) => Promise<ExtractResult>;
}

type Extract = (file: string) => Promise<ExtractResult>;

async function loadPipeline(): Promise<Extract> {
  // imported on first use: `plan-lint rules` and `--help` never load the parser
  const { extractPath } = await import('../pipeline.js');
  return extractPath;
}

function oneLine(s: string): string {
  return s.split('\n')[0].trim();
}

function useColor(opts: CheckOptions, io: CheckIO): boolean {
  if (opts.color === false || opts.outputFile) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  return io.isTTY;
}

/** Run `check`; returns the exit code. Never throws for bad input or configuration. */
export async function runCheck(inputs: string[], opts: CheckOptions, io: CheckIO): Promise<number> {
  const locale = opts.locale ?? 'zh';
  const problems: InputProblem[] = [];
  const printed = new Set<string>();
  const problem = (file: string, message: string, shownFile = displayPath(file, io.cwd)) => {
    const line = `plan-lint: ${shownFile}: ${oneLine(message)}`;
    if (!printed.has(line)) io.stderr(line + '\n');
    printed.add(line);
    problems.push({ file, message: oneLine(message) });
  };

  // usage: --rule flags and --config are checked before any file is read
  let flags: [string, Level][];
  try {
    flags = (opts.rule ?? []).map(parseRuleFlag);
  } catch (e) {
    io.stderr(`plan-lint: ${(e as Error).message}\n`);
    return 2;
  }
  let explicit: Config | null = null;
  if (opts.config) {
    try {
      explicit = readConfigFile(path.resolve(io.cwd, opts.config));
    } catch (e) {
      const file = e instanceof ConfigError ? e.file : opts.config;
      io.stderr(`plan-lint: ${displayPath(path.resolve(io.cwd, file), io.cwd)}: ${oneLine((e as Error).message)}\n`);
      return 2;
    }
  }
  const resolver = new ConfigResolver(explicit);

  const expanded = await expandInputs(inputs, io.cwd);
  for (const p of expanded.problems) problem(p.file, p.message, p.file);

  let extract = io.extract ?? null;
  const results: FileResult[] = [];
  for (const file of expanded.files) {
    const shown = file === STDIN ? STDIN_PATH : file;
    let config: Config;
    try {
      config = withRuleFlags(resolver.forDir(file === STDIN ? io.cwd : path.dirname(file)), flags);
    } catch (e) {
      if (e instanceof ConfigError) problem(e.file, e.message);
      else problem(shown, (e as Error).message);
      continue;
    }
    let result: ExtractResult;
    try {
      extract ??= await loadPipeline();
      result = await extract(file);
    } catch (e) {
      const err = e as Error & { file?: string; code?: string };
      if (err.name === 'InputError') problem(shown, err.message);
      else if (err.code === 'ENOENT') problem(shown, 'no such file or directory');
      else if (err.code === 'EACCES' || err.code === 'EISDIR') problem(shown, `cannot read (${err.code})`);
      else problem(shown, `internal error: ${err.message}`);
      continue;
    }
    let messages;
    try {
      messages = lint(result, { rules: config.rules, locale });
    } catch (e) {
      problem(shown, `internal error: ${(e as Error).message}`);
      continue;
    }
    if (opts.quiet) messages = messages.filter((m) => m.severity === 2);
    results.push({
      filePath: shown,
      messages,
      errorCount: messages.filter((m) => m.severity === 2).length,
      warningCount: messages.filter((m) => m.severity === 1).length,
    });
  }

  const format = opts.format ?? 'stylish';
  const output = formatters[format](results, {
    cwd: io.cwd,
    color: useColor(opts, io),
    locale,
    rules: catalog,
    problems,
    version: toolVersion(),
  });
  if (opts.outputFile) {
    try {
      await writeAtomic(path.resolve(io.cwd, opts.outputFile), output);
    } catch (e) {
      io.stderr(`plan-lint: ${opts.outputFile}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
      return 2;
    }
  } else if (output) io.stdout(output);

  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
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

function nonNegativeInt(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return Number(value);
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** Usage errors exit 2 (SPEC), not commander's default 1; --help still exits 0. */
export function exitTwoOnUsageError(cmd: Command): Command {
  return cmd.exitOverride((err) => {
    process.exit(err.exitCode === 0 ? 0 : 2);
  });
}

export function registerCheck(program: Command): Command {
  const cmd = program
    .command('check')
    .description('lint plan files, folders (recursively) or globs; "-" reads stdin')
    .argument('<paths...>', 'files, folders, globs or -')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatNames).default('stylish'))
    .option('-o, --output-file <file>', 'write the report to FILE (atomically) instead of stdout')
    .option('-c, --config <file>', 'use this configuration file instead of looking for .planlintrc.* upwards')
    .option('--rule <id=severity>', 'set a rule\'s severity: ID=off|warn|error (repeatable)', collect)
    .option('--max-warnings <n>', 'exit 1 when there are more than N warnings', nonNegativeInt)
    .option('--quiet', 'report errors only')
    .addOption(new Option('--locale <locale>', 'language of the messages').choices(['zh', 'en']).default('zh'))
    .option('--no-color', 'no colours in the output (also: NO_COLOR=1)')
    .action(async (paths: string[], opts: CheckOptions) => {
      process.exitCode = await runCheck(paths, opts, {
        cwd: process.cwd(),
        env: process.env,
        stdout: (s) => process.stdout.write(s),
        stderr: (s) => process.stderr.write(s),
        isTTY: Boolean(process.stdout.isTTY),
      });
    });
  exitTwoOnUsageError(cmd);
  return cmd;
}
