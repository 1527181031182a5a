// `plan-lint diff <old> <new> [--format text|json|markdown] [--fail-on KIND,…]`: what changed
// in substance between two revisions of a plan (SPEC "diff").
// Exit codes: 0 done (no --fail-on kind found), 1 a --fail-on kind found, 2 usage error or bad input.
import { Command, Option } from 'commander';
import type { ExtractResult } from '../model/analysis.js';
import { displayPath, STDIN_PATH } from '../report/paths.js';
import { diffDocuments } from '../diff/compare.js';
import { diffFormats, formatDiff, type DiffFormat } from '../diff/format.js';
import { changeKinds, isChangeKind, type ChangeKind, type Locale } from '../diff/kinds.js';
import { exitTwoOnUsageError } from './check.js';
import path from 'node:path';
import { collect, oneLine } from './options.js';

export interface DiffOptions {
  format?: DiffFormat;
  failOn?: string[];
  locale?: Locale;
}

export interface DiffIO {
  cwd: string;
  stdout: (s: string) => Promise<void> | void;
  stderr: (s: string) => void;
  extract?: (file: string) => Promise<ExtractResult>;
}


/** `--fail-on a,b --fail-on c` → [a, b, c], or the first unknown kind. */
export function parseFailOn(values: string[]): ChangeKind[] | string {
  const kinds = values.flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
  const unknown = kinds.find((k) => !isChangeKind(k));
  if (unknown !== undefined) return unknown;
  return [...new Set(kinds)] as ChangeKind[];
}

/** Run `diff`; returns the exit code. Never throws for bad input. */
export async function runDiff(oldFile: string, newFile: string, opts: DiffOptions, io: DiffIO): Promise<number> {
  const failOn = parseFailOn(opts.failOn ?? []);
  if (typeof failOn === 'string') {
    io.stderr(`plan-lint: unknown --fail-on kind "${failOn}" (one of: ${changeKinds.join(', ')})\n`);
    return 2;
  }
  if (oldFile === '-' && newFile === '-') {
    io.stderr('plan-lint: only one of the two revisions can be read from standard input\n');
    return 2;
  }
  const extract = io.extract ?? (await import('../pipeline.js')).extractPath;
  const shown = (f: string) => (f === '-' ? STDIN_PATH : displayPath(path.resolve(io.cwd, f), io.cwd));
  const docs = [];
  let bad = false;
  for (const file of [oldFile, newFile]) {
    try {
      docs.push((await extract(file === '-' ? file : path.resolve(io.cwd, file))).document);
    } catch (e) {
      const err = e as Error & { code?: string };
      const why = err.name === 'InputError' ? err.message : err.code === 'ENOENT' ? 'no such file or directory' : `internal error: ${err.message}`;
      io.stderr(`plan-lint: ${shown(file)}: ${oneLine(why)}\n`);
      bad = true;
    }
  }
  if (bad) return 2;
  const report = diffDocuments(docs[0], docs[1], shown(oldFile), shown(newFile));
  await io.stdout(formatDiff(report, opts.format ?? 'text', opts.locale ?? 'zh'));
  const matched = failOn.filter((k) => report.summary.byKind[k]);
  if (matched.length) {
    io.stderr(`plan-lint: --fail-on matched: ${matched.map((k) => `${k} (${report.summary.byKind[k]})`).join(', ')}\n`);
    return 1;
  }
  return 0;
}


export function registerDiff(program: Command): Command {
  const cmd = program
    .command('diff')
    .description('what changed in substance between two revisions of a plan (targets, natures, owners, deadlines, items)')
    .argument('<old>', 'the old revision (.txt, .md, or - for standard input)')
    .argument('<new>', 'the new revision')
    .addOption(new Option('-f, --format <format>', 'output format').choices(diffFormats).default('text'))
    .option('--fail-on <kinds>', `exit 1 when any change of these kinds is found (comma-separated, repeatable): ${changeKinds.join(', ')}`, collect)
    .addOption(new Option('--locale <locale>', 'language of the labels').choices(['zh', 'en']).default('zh'))
    .action(async (oldFile: string, newFile: string, opts: DiffOptions) => {
      process.exitCode = await runDiff(oldFile, newFile, opts, {
        cwd: process.cwd(),
        stdout: (s) => new Promise<void>((resolve, reject) => process.stdout.write(s, (err) => (err ? reject(err) : resolve()))),
        stderr: (s) => process.stderr.write(s),
      });
    });
  exitTwoOnUsageError(cmd);
  return cmd;
}
