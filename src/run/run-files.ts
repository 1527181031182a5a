// The one runner of plan-lint: inputs (files, folders, globs, `-`) → one outcome per file, in
// input order, each the file's analysis and lint messages or the problem that stopped it.
// check, report, export and diff are short consumers of it; extract reads its one file with
// runFile. Work runs in this thread or, where it pays (check over many files), in worker threads.
import { statSync } from 'node:fs';
import os from 'node:os';
import { ignoredBy, type IgnoreOptions } from '../config/ignore.js';
import { expandInputs, STDIN } from '../ingest/walk.js';
import type { Analysis } from '../model/analysis.js';
import { applyUnitAliases } from '../analysis/unit-names.js';
import type { LintMessage, Locale, SuppressedMessage } from '../lint/types.js';
import { displayPath, STDIN_PATH } from '../util/paths.js';
import type { ConfigSource } from './config.js';
import type { FixOutcome } from './fix.js';
import { lintOne, type LintSettings, type Reanalyse } from './lint-one.js';
import { mapOrdered, WorkerPool } from './pool.js';
import { problemOf, type Problem } from './problems.js';
import type { WorkReply, WorkRequest } from './worker.js';

export type Extract = (file: string, opts?: { stdin?: () => Promise<Uint8Array>; name?: string; lazyHash?: boolean }) => Promise<Analysis>;

export interface RunOptions {
  cwd: string;
  /**
   * the configuration of each file (its rules, its unit aliases); without it files are analysed
   * with the defaults, not linted
   */
  config?: ConfigSource;
  /** files are analysed, not linted, even with a configuration (export and diff only want its unit aliases) */
  analyseOnly?: boolean;
  locale?: Locale;
  /** how many files are worked on at once (default: defaultJobs()) */
  jobs?: number;
  /** called with the number of files done (0 once the inputs are expanded) and their total */
  onProgress?: (done: number, total: number) => void;
  /**
   * whether outcomes carry the analysis (report, export, diff, extract) or only the lint
   * messages (check: then files may be worked on in worker threads)
   */
  keep?: 'analysis' | 'messages';
  /** standard input, for `-` */
  stdin?: () => Promise<Uint8Array>;
  /** the pipeline (tests inject their own) */
  extract?: Extract;
  /** the worker threads' script (tests running from sources point at the built one) */
  workerScript?: URL;
  /** inline comments, unused disable comments, --fix */
  lint?: Omit<LintSettings, 'locale'>;
  /** .planlintignore and --ignore-pattern (default: the ignore file of cwd applies) */
  ignore?: IgnoreOptions;
}

/** Why a file was set aside: found by a folder walk but no plan, or named but ignored (.planlintignore). */
export type SkipReason = 'no-plan-structure' | 'ignored';

/** The outcome of a file that was read: analysed (and linted), or the problem that stopped it. */
export type FileOutcome = Exclude<Outcome, { ok: 'skipped' }>;

export type Outcome =
  | {
      ok: true;
      /** the file as shown to people */
      file: string;
      /** the path read (absolute for files found by expansion, `-` for stdin) */
      path: string;
      /** null when only messages were kept */
      analysis: Analysis | null;
      /** null when the run did not lint */
      messages: LintMessage[] | null;
      /** messages inline comments switched off; null when the run did not lint */
      suppressed: SuppressedMessage[] | null;
      /** with --fix, for a file some message of which had a fix: what was done */
      fix: FixOutcome | null;
    }
  | { ok: false; file: string; problem: Problem }
  | { ok: 'skipped'; file: string; path: string; reason: SkipReason };

/** How much text (bytes) gives a worker thread enough to do to pay for its start-up. */
export const BYTES_PER_WORKER = 4 * 1024 * 1024;

/**
 * How many files check works on at once by default, from the cores and the size of the run
 * (measured with bench/jobs.mjs, bench/RESULTS.md). On the project's 2-core machines, shared
 * with other work, a second worker thread is slower or no faster at every corpus size measured
 * (2 to 61 MB: 0.91× to 1.29× the time of one thread) and heavier (+50–75 MB): one thread keeps
 * more than one core busy already (the garbage collector runs beside it) and each worker pays
 * its own module loading and warm-up, about 0.2 s. So one thread there. With more cores, one
 * worker per core beyond the first, at most four, and no more workers than the run has text
 * for: each gets at least BYTES_PER_WORKER (about a second of work, five times its start-up).
 */
export function defaultJobs(cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length, bytes = Infinity): number {
  if (cores <= 2) return 1;
  return Math.max(1, Math.min(4, cores - 1, Math.ceil(bytes / BYTES_PER_WORKER)));
}

/** The total size of the files (those that cannot be measured count as empty). */
function totalBytes(files: string[]): number {
  let n = 0;
  for (const f of files) {
    try {
      n += f === STDIN ? 0 : statSync(f).size;
    } catch {
      // reported when the file is read
    }
  }
  return n;
}

/** Fewer files than this and worker threads do not pay for their start-up. */
const MIN_FILES_FOR_WORKERS = 8;

let pipeline: Extract | null = null;

async function loadPipeline(): Promise<Extract> {
  // loaded on first use: `plan-lint rules` and `--help` never load the parsers; kept, since a
  // dynamic import() per file (a module map lookup and a promise) was 0.6 % of a run
  return (pipeline ??= (await import('../pipeline.js')).extractPath);
}

/** The pipeline over a fixed text (--fix), as if it were the file read again. */
const reanalyse: Reanalyse = async (text, a, sha256) =>
  (await import('../pipeline.js')).extractText(text, { path: a.source.path, sha256, encoding: a.source.encoding, encodingNote: a.source.encodingNote ?? null, format: a.source.format });

/**
 * How the files of a run are linted, made once per run with its fields named: a spread of
 * `opts.lint` with `locale` added made an object of a V8 map of its own for every file, and
 * every read of it a lookup that missed.
 */
function lintSettings(opts: RunOptions, locale = opts.locale): LintSettings {
  const l = opts.lint;
  // (every field named: the type fails when LintSettings gains one this leaves out)
  const settings: { [K in keyof Required<LintSettings>]: LintSettings[K] } = { locale, inlineConfig: l?.inlineConfig, reportUnusedDisableDirectives: l?.reportUnusedDisableDirectives, fix: l?.fix };
  return settings;
}

/**
 * Analyses (and lints) one file named by the user; never throws: a failure is an outcome.
 * `name` is the path the document records (default: `file`).
 */
export async function runFile(file: string, shown: string, opts: RunOptions, name?: string): Promise<FileOutcome> {
  return (await runOne(file, shown, opts, lintSettings(opts), name, false)) as FileOutcome;
}

/** runFile for a file of a run; `walked`: found by a folder walk (set aside when no plan). */
async function runOne(file: string, shown: string, opts: RunOptions, settings: LintSettings, name: string | undefined, walked: boolean): Promise<Outcome> {
  try {
    const config = opts.config?.forFile(file);
    const extract = opts.extract ?? pipeline ?? (await loadPipeline());
    const withAliases = (a: Analysis) => applyUnitAliases(a, config?.units?.aliases);
    // (check keeps only the messages: the file's sha256 is worked out only if --fix asks for it)
    const analysis = withAliases(await extract(file, { stdin: opts.stdin, name, lazyHash: opts.keep === 'messages' }));
    const rules = config && !opts.analyseOnly ? config.rules : null;
    const r = await lintOne(file, analysis, { rules, walked }, settings, async (text, a, sha) => withAliases(await reanalyse(text, a, sha)));
    if (r.skipped) return { ok: 'skipped', file: shown, path: file, reason: r.skipped };
    return {
      ok: true,
      file: shown,
      path: file,
      analysis: opts.keep === 'messages' ? null : r.analysis,
      messages: r.result ? r.result.messages : null,
      suppressed: r.result ? r.result.suppressed : null,
      fix: r.fix,
    };
  } catch (e) {
    return { ok: false, file: shown, problem: problemOf(e, shown, opts.cwd) };
  }
}

/**
 * Every input, expanded, as outcomes in input order: first the inputs that matched nothing,
 * then one outcome per file. At most `jobs` files are worked on at once, and only a few more
 * wait for their turn, so memory stays bounded whatever the corpus size.
 */
export async function* runFiles(inputs: string[], opts: RunOptions): AsyncGenerator<Outcome> {
  const expanded = await expandInputs(inputs, opts.cwd, { ignored: ignoredBy(opts.cwd, opts.ignore) });
  for (const p of expanded.problems) yield { ok: false, file: p.file, problem: { kind: 'input', file: p.file, message: p.message } };
  for (const f of expanded.ignored) yield { ok: 'skipped', file: displayPath(f, opts.cwd), path: f, reason: 'ignored' };
  const files = expanded.files;
  const total = files.length;
  opts.onProgress?.(0, total);
  // the size of the run matters only where there are cores to spare
  const jobs = Math.max(1, Math.min(opts.jobs ?? (defaultJobs() > 1 ? defaultJobs(undefined, totalBytes(files)) : 1), total));
  const useWorkers = jobs > 1 && opts.keep === 'messages' && opts.config !== undefined && !opts.extract && total >= MIN_FILES_FOR_WORKERS;
  const pool = useWorkers ? new WorkerPool<WorkRequest, WorkReply>(opts.workerScript ?? new URL('./worker.js', import.meta.url), jobs) : null;
  const shownOf = (file: string) => (file === STDIN ? STDIN_PATH : displayPath(file, opts.cwd));
  const settings = lintSettings(opts);
  // (a worker is told the locale its messages are in)
  const workerSettings = pool ? lintSettings(opts, opts.locale ?? 'zh') : settings;

  const work = async (file: string): Promise<Outcome> => {
    const shown = shownOf(file);
    const walked = expanded.walked.has(file);
    // the document records the file as shown (source.path), as extract of one file does
    if (!pool || file === STDIN) return runOne(file, shown, opts, settings, shown, walked);
    try {
      const config = opts.config!.forFile(file);
      const reply = await pool.run({ file, rules: config.rules, aliases: config.units?.aliases, walked, settings: workerSettings });
      if (!reply.ok) return { ok: false, file: shown, problem: { ...reply.problem, file: shown } };
      if (reply.skipped) return { ok: 'skipped', file: shown, path: file, reason: reply.skipped };
      return { ok: true, file: shown, path: file, analysis: null, messages: reply.messages, suppressed: reply.suppressed, fix: reply.fix };
    } catch (e) {
      return { ok: false, file: shown, problem: problemOf(e, shown, opts.cwd) };
    }
  };

  let done = 0;
  try {
    for await (const outcome of mapOrdered(files, jobs, work)) {
      opts.onProgress?.(++done, total);
      yield outcome;
    }
  } finally {
    await pool?.close();
  }
}
