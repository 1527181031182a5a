// `plan-lint diff <old> <new> [--format text|json|markdown] [--fail-on KIND,…]`: what changed
// in substance between two revisions of a plan (SPEC "diff").
// Exit codes: 0 done (no --fail-on kind found), 1 a --fail-on kind found, 2 usage error or bad input.
import path from 'node:path';
import { Command, Option } from 'commander';
import { diffDocuments, type Revision } from '../diff/compare.js';
import { diffFormats, formatDiff, type DiffFormat } from '../diff/format.js';
import { changeKinds, isChangeKind, type ChangeKind, type Locale } from '../diff/kinds.js';
import type { RunIO } from '../run/io.js';
import { writeOutput } from '../run/output.js';
import { problemLine } from '../run/problems.js';
import { runFile, type Extract } from '../run/run-files.js';
import { displayPath, STDIN_PATH } from '../util/paths.js';
import { collect, settleConfig, type CommandContext } from './command.js';

export interface DiffOptions {
  format?: DiffFormat;
  failOn?: string[];
  locale?: Locale;
  /** a configuration file instead of the one found upwards (read for its units.aliases) */
  config?: string;
  /** the pipeline (tests inject their own) */
  extract?: Extract;
}


/** `--fail-on a,b --fail-on c` → [a, b, c], or the first unknown kind. */
export function parseFailOn(values: string[]): ChangeKind[] | string {
  const kinds = values.flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
  const unknown = kinds.find((k) => !isChangeKind(k));
  if (unknown !== undefined) return unknown;
  return [...new Set(kinds)] as ChangeKind[];
}

/** Run `diff`; returns the exit code. Never throws for bad input. */
export async function runDiff(oldFile: string, newFile: string, opts: DiffOptions, io: RunIO): Promise<number> {
  const failOn = parseFailOn(opts.failOn ?? []);
  if (typeof failOn === 'string') {
    io.stderr(`plan-lint: unknown --fail-on kind "${failOn}" (one of: ${changeKinds.join(', ')})\n`);
    return 2;
  }
  if (oldFile === '-' && newFile === '-') {
    io.stderr('plan-lint: only one of the two revisions can be read from standard input\n');
    return 2;
  }
  // the configuration names units (units.aliases), so a unit written two ways is one owner
  const config = settleConfig({ config: opts.config }, io);
  if (!config) return 2;
  const shown = (f: string) => (f === '-' ? STDIN_PATH : displayPath(path.resolve(io.cwd, f), io.cwd));
  const docs: Revision[] = [];
  for (const file of [oldFile, newFile]) {
    const run = { cwd: io.cwd, config, lint: false, keep: 'analysis', stdin: io.stdin, extract: opts.extract } as const;
    const o = await runFile(file === '-' ? file : path.resolve(io.cwd, file), shown(file), run);
    if (o.ok) docs.push(o.analysis!);
    else io.stderr(problemLine(o.problem));
  }
  if (docs.length < 2) return 2;
  const report = diffDocuments(docs[0], docs[1], shown(oldFile), shown(newFile));
  await writeOutput(null, formatDiff(report, opts.format ?? 'text', opts.locale ?? 'zh'), io);
  const matched = failOn.filter((k) => report.summary.byKind[k]);
  if (matched.length) {
    io.stderr(`plan-lint: --fail-on matched: ${matched.map((k) => `${k} (${report.summary.byKind[k]})`).join(', ')}\n`);
    return 1;
  }
  return 0;
}


export function registerDiff(program: Command, ctx: CommandContext): Command {
  return program
    .command('diff')
    .description('what changed in substance between two revisions of a plan (targets, natures, owners, deadlines, items)')
    .argument('<old>', 'the old revision (a plan file, or - for standard input)')
    .argument('<new>', 'the new revision')
    .addOption(new Option('-f, --format <format>', 'output format').choices(diffFormats).default('text'))
    .option('--fail-on <kinds>', `exit 1 when any change of these kinds is found (comma-separated, repeatable): ${changeKinds.join(', ')}`, collect)
    .addOption(new Option('--locale <locale>', 'language of the labels').choices(['zh', 'en']).default('zh'))
    .option('-c, --config <file>', 'use this configuration file (its units.aliases) instead of looking for .planlintrc.* upwards')
    .action(async (oldFile: string, newFile: string, opts: DiffOptions) => {
      ctx.exitCode = await runDiff(oldFile, newFile, opts, ctx.io);
    });
}
