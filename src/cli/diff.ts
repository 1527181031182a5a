// `plan-lint diff <old> <new> [--format text|json|markdown] [--fail-on KIND,…] [-o FILE]`: what
// changed in substance between two revisions of a plan (SPEC "diff").
// Exit codes: 0 done (no --fail-on kind found), 1 a --fail-on kind found, 2 usage error or bad input.
import path from 'node:path';
import { Command, Option } from 'commander';
import { diffDocuments, type Revision } from '../diff/compare.js';
import { diffFormats, formatDiff, type DiffFormat } from '../diff/format.js';
import { changeKinds, isChangeKind, type ChangeKind, type Locale } from '../diff/kinds.js';
import type { RunIO } from '../run/io.js';
import { writeOutput } from '../run/output.js';
import { problemLine, problemOf } from '../run/problems.js';
import { runFile, type Extract } from '../run/run-files.js';
import { say, type Text } from '../util/i18n.js';
import { displayPath, STDIN_PATH } from '../util/paths.js';
import { closest } from '../util/suggest.js';
import { collect, pathsGiven, settleConfig, type CommandContext } from './command.js';
import { cliText } from './messages.js';

export interface DiffOptions {
  format?: DiffFormat;
  failOn?: string[];
  locale?: Locale;
  output?: string;
  /** a configuration file instead of the one found upwards (read for its units.aliases) */
  config?: string;
  /** the pipeline (tests inject their own) */
  extract?: Extract;
}

const text = {
  description: {
    zh: '比较同一规划的两个版本在实质内容上的变化（目标、属性、责任单位、时限、条目）',
    en: 'what changed in substance between two revisions of a plan (targets, natures, owners, deadlines, items)',
  },
  old: { zh: '旧版本（规划文件，或用 - 读取标准输入）', en: 'the old revision (a plan file, or - for standard input)' },
  new: { zh: '新版本', en: 'the new revision' },
  failOn: { zh: '发现这些类型的变化时以退出码 1 结束（逗号分隔，可重复）：{kinds}', en: 'exit 1 when any change of these kinds is found (comma-separated, repeatable): {kinds}' },
} satisfies Record<string, Text>;

/** `--fail-on a,b --fail-on c` → [a, b, c], or the first unknown kind. */
export function parseFailOn(values: string[]): ChangeKind[] | string {
  const kinds = values.flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
  const unknown = kinds.find((k) => !isChangeKind(k));
  if (unknown !== undefined) return unknown;
  return [...new Set(kinds)] as ChangeKind[];
}

/** Run `diff`; returns the exit code. Never throws for bad input. */
export async function runDiff(oldFile: string, newFile: string, opts: DiffOptions, io: RunIO): Promise<number> {
  const locale = opts.locale ?? 'zh';
  const failOn = parseFailOn(opts.failOn ?? []);
  if (typeof failOn === 'string') {
    const hint = closest(failOn, changeKinds);
    io.stderr(say(cliText.unknownFailOn, locale, { kind: failOn, kinds: changeKinds.join(', '), hint: hint ? say(cliText.hint, locale, { hint }) : '' }));
    return 2;
  }
  if (!pathsGiven([oldFile, newFile], io, locale)) return 2;
  if (oldFile === '-' && newFile === '-') {
    io.stderr(cliText.twoStdin[locale]);
    return 2;
  }
  // the configuration names units (units.aliases), so a unit written two ways is one owner
  const config = settleConfig({ config: opts.config }, io, locale);
  if (!config) return 2;
  const shown = (f: string) => (f === '-' ? STDIN_PATH : displayPath(path.resolve(io.cwd, f), io.cwd));
  const docs: Revision[] = [];
  for (const file of [oldFile, newFile]) {
    const run = { cwd: io.cwd, config, analyseOnly: true, keep: 'analysis', stdin: io.stdin, extract: opts.extract } as const;
    const o = await runFile(file === '-' ? file : path.resolve(io.cwd, file), shown(file), run);
    if (o.ok) docs.push(o.analysis!);
    else io.stderr(problemLine(o.problem, locale));
  }
  if (docs.length < 2) return 2;
  const report = diffDocuments(docs[0], docs[1], shown(oldFile), shown(newFile));
  try {
    await writeOutput(opts.output ?? null, formatDiff(report, opts.format ?? 'text', locale), io);
  } catch (e) {
    io.stderr(problemLine(problemOf(e, opts.output ?? '', io.cwd), locale));
    return 2;
  }
  const matched = failOn.filter((k) => report.summary.byKind[k]);
  if (matched.length) {
    io.stderr(say(cliText.failOnMatched, locale, { matched: matched.map((k) => `${k} (${report.summary.byKind[k]})`).join(', ') }));
    return 1;
  }
  return 0;
}

export function registerDiff(program: Command, ctx: CommandContext): Command {
  const v = ctx.options;
  const t = (x: Text) => x[ctx.locale];
  return program
    .command('diff')
    .description(t(text.description))
    .argument('<old>', t(text.old))
    .argument('<new>', t(text.new))
    .addOption(v.format(diffFormats, 'text'))
    .addOption(v.output())
    .addOption(new Option('--fail-on <kinds>', say(text.failOn, ctx.locale, { kinds: changeKinds.join(', ') })).argParser(collect))
    .addOption(v.locale())
    .addOption(v.config())
    .action(async (oldFile: string, newFile: string, opts: DiffOptions) => {
      ctx.exitCode = await runDiff(oldFile, newFile, opts, ctx.io);
    });
}
