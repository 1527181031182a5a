// `plan-lint check <paths…>`: lint plan files and report in one of five formats (SPEC "check").
// Exit codes: 0 no errors, 1 lint errors or too many warnings, 2 usage error or bad input.
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { ExtractResult } from '../model/analysis.js';
import { rules as catalog } from '../lint/rules/index.js';
import type { FileResult, Locale } from '../lint/types.js';
import { expandInputs, STDIN } from '../lint/inputs.js';
import { ConfigError, withRuleFlags, type Config } from '../config/schema.js';
import { lintSetup } from '../config/setup.js';
import { formatters, formatNames, streamFormatter, type FormatName } from '../report/formatters/index.js';
import { createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { defaultJobs, mapOrdered, WorkerPool } from './pool.js';
import { lintFile, type LintReply, type LintRequest } from './lint-file.js';
import { displayPath, STDIN_PATH } from '../report/paths.js';
import { toolVersion } from '../report/version.js';
import type { InputProblem } from '../report/types.js';
import { collect, oneLine } from './options.js';

export interface CheckOptions {
  format?: FormatName;
  outputFile?: string;
  config?: string;
  rule?: string[];
  maxWarnings?: number;
  quiet?: boolean;
  locale?: Locale;
  color?: boolean;
  /** worker threads (default: the number of cores); 1 runs in this thread */
  jobs?: number;
}

export interface CheckIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  /** whether standard error is a terminal (the progress bar goes there) */
  stderrIsTTY?: boolean;
  /** the extraction pipeline (tests inject their own) */
  extract?: (file: string) => Promise<ExtractResult>;
}

type Extract = (file: string) => Promise<ExtractResult>;

async function loadPipeline(): Promise<Extract> {
  // imported on first use: `plan-lint rules` and `--help` never load the parser
  const { extractPath } = await import('../pipeline.js');
  return extractPath;
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

  const setup = lintSetup(opts, io);
  if (!setup) return 2;
  const { flags, resolver } = setup;

  const expanded = await expandInputs(inputs, io.cwd);
  for (const p of expanded.problems) problem(p.file, p.message, p.file);

  const format = opts.format ?? 'stylish';
  const ctx = { cwd: io.cwd, color: useColor(opts, io), locale, rules: catalog, problems, version: toolVersion() };
  const files = expanded.files;
  const progress = io.stderrIsTTY && !opts.quiet && files.length > 20 ? await progressBar(files.length) : null;
  // with a bar on the terminal, output meant for the same terminal waits until the bar is done
  const out = await openSink(opts.outputFile ? path.resolve(io.cwd, opts.outputFile) : null, io, Boolean(progress && io.isTTY));
  if (!out) {
    progress?.stop();
    return 2;
  }
  const stream = streamFormatter(format, ctx);
  const kept: FileResult[] = []; // only for formats that cannot stream (SARIF)
  let errors = 0;
  let warnings = 0;
  let first = true;
  if (stream) out.write(stream.head());

  const jobs = Math.max(1, opts.jobs ?? defaultJobs());
  let extract = io.extract ?? null;
  const inThread = jobs === 1 || io.extract !== undefined || files.length < 2;
  const pool = inThread ? null : new WorkerPool<LintRequest, LintReply>(new URL('./check-worker.js', import.meta.url), Math.min(jobs, files.length));

  try {
    await mapOrdered(
      files,
      jobs,
      async (file): Promise<{ shown: string; reply: LintReply }> => {
        const shown = file === STDIN ? STDIN_PATH : file;
        let config: Config;
        try {
          config = withRuleFlags(resolver.forDir(file === STDIN ? io.cwd : path.dirname(file)), flags);
        } catch (e) {
          const message = e instanceof ConfigError ? e.message : (e as Error).message;
          return { shown: e instanceof ConfigError ? e.file : shown, reply: { ok: false, message, input: true } };
        }
        const req: LintRequest = { file, rules: config.rules, locale };
        if (pool && file !== STDIN) return { shown, reply: await pool.run(req) };
        extract ??= await loadPipeline();
        return { shown, reply: await lintFile(req, extract) };
      },
      async ({ shown, reply }) => {
        progress?.increment();
        if (!reply.ok) {
          problem(shown, reply.message);
          return;
        }
        const messages = opts.quiet ? reply.messages.filter((m) => m.severity === 2) : reply.messages;
        const r: FileResult = {
          filePath: shown,
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
      },
    );
  } finally {
    await pool?.close();
    progress?.stop();
  }

  if (stream) await out.write(stream.tail(errors, warnings));
  else await out.write(formatters[format](kept, ctx));
  if (!(await out.close())) return 2;

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

interface Sink {
  write(s: string): void | Promise<void>;
  /** false when the output could not be written (reported on stderr) */
  close(): Promise<boolean>;
}

/**
 * Where the report goes: standard output as it is produced, or a temporary file beside the
 * target renamed over it at the end (atomic). Null when the file cannot be opened.
 */
async function openSink(file: string | null, io: CheckIO, hold: boolean): Promise<Sink | null> {
  if (!file) {
    if (!hold) return { write: (s) => void (s && io.stdout(s)), close: async () => true };
    const held: string[] = [];
    return {
      write: (s) => void (s && held.push(s)),
      close: async () => {
        io.stdout(held.join(''));
        return true;
      },
    };
  }
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let ws: WriteStream;
  try {
    await fs.access(path.dirname(file));
    ws = createWriteStream(tmp, { flags: 'wx' });
    await once(ws, 'open');
  } catch (e) {
    io.stderr(`plan-lint: ${displayPath(file, io.cwd)}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
    return null;
  }
  let failed: Error | null = null;
  ws.on('error', (e) => (failed = e));
  return {
    async write(s) {
      if (!s || failed) return;
      // wait for the buffer to drain; an error ends the wait too (and is reported at close)
      if (!ws.write(s)) await new Promise<void>((resolve) => (failed ? resolve() : ws.once('drain', resolve).once('error', () => resolve())));
    },
    async close() {
      if (!failed) {
        await new Promise<void>((resolve) => ws.end(resolve).once('error', () => resolve()));
      } else ws.destroy();
      if (!failed) {
        try {
          await fs.rename(tmp, file);
          return true;
        } catch (e) {
          failed = e as Error;
        }
      }
      await fs.rm(tmp, { force: true });
      io.stderr(`plan-lint: ${displayPath(file, io.cwd)}: cannot write (${(failed as NodeJS.ErrnoException | null)?.code ?? failed?.message})\n`);
      return false;
    },
  };
}

/** A progress bar on standard error (cli-progress, loaded only when one is shown). */
async function progressBar(total: number): Promise<{ increment(): void; stop(): void }> {
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const bar = new SingleBar({ format: '  {bar} {value}/{total} 个文件 · {eta_formatted}', hideCursor: true, clearOnComplete: true, stream: process.stderr }, Presets.shades_classic);
  bar.start(total, 0);
  return { increment: () => bar.increment(), stop: () => bar.stop() };
}

function nonNegativeInt(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return Number(value);
}

function positiveInt(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return Number(value);
}


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
    .option('-j, --jobs <n>', 'worker threads (default: number of cores)', positiveInt)
    .action(async (paths: string[], opts: CheckOptions) => {
      process.exitCode = await runCheck(paths, opts, {
        cwd: process.cwd(),
        env: process.env,
        stdout: (s) => process.stdout.write(s),
        stderr: (s) => process.stderr.write(s),
        isTTY: Boolean(process.stdout.isTTY),
        stderrIsTTY: Boolean(process.stderr.isTTY),
      });
    });
  exitTwoOnUsageError(cmd);
  return cmd;
}
