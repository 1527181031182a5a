// The plan-lint command line as a function: `runCli(argv, io)` parses the arguments, runs the
// command with the given IO and returns its exit code. bin/plan-lint.js calls it with the real
// process; tests call it in-process with IO they capture. Usage errors exit 2 (SPEC), --help
// and --version 0; nothing in here calls process.exit. Everything commander prints is in the
// locale of `--locale` (read before parsing, since the help is written while parsing).
import { Command, CommanderError } from 'commander';
import { toolVersion } from '../report/version.js';
import type { RunIO } from '../run/io.js';
import { isLocale, say, type Locale, type Text } from '../util/i18n.js';
import { oneLine } from '../util/text.js';
import { localize } from './help.js';
import { vocabulary, type Vocabulary } from './options.js';

/** What a command's action gets: the IO to use, where to leave its exit code, the locale and the option vocabulary. */
export interface CommandContext {
  io: RunIO;
  exitCode: number;
  locale: Locale;
  options: Vocabulary;
}

type Register = (program: Command, ctx: CommandContext) => unknown;

/**
 * Each command's module, loaded on demand: `plan-lint check …` loads check alone, so a cold
 * start pays for one command, not all of them (help loads them all to list them).
 */
const commands: Record<string, () => Promise<Register>> = {
  extract: async () => (await import('./extract.js')).registerExtract,
  schema: async () => (await import('./extract.js')).registerSchema,
  check: async () => (await import('./check.js')).registerCheck,
  rules: async () => (await import('./rules.js')).registerRules,
  export: async () => (await import('./export.js')).registerExport,
  diff: async () => (await import('./diff.js')).registerDiff,
  report: async () => (await import('./report.js')).registerReport,
  demo: async () => (await import('./demo.js')).registerDemo,
};

const text = {
  description: {
    zh: '把中文规划文件（规划、工作要点、任务分工方案）编译为结构化数据，并检查其中的问题。',
    en: 'Compile Chinese planning documents (规划, 工作要点, 任务分工方案) into typed data and lint them.',
  },
  internal: { zh: 'plan-lint: 内部错误：{message}\n', en: 'plan-lint: internal error: {message}\n' },
} satisfies Record<string, Text>;

/** The locale the arguments ask for (`--locale en`, `--locale=en`); Chinese by default. */
export function localeOf(argv: readonly string[]): Locale {
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const a = argv[i];
    const value = a === '--locale' ? argv[i + 1] : a.startsWith('--locale=') ? a.slice('--locale='.length) : undefined;
    if (isLocale(value)) return value;
  }
  return 'zh';
}

/** Runs `plan-lint <argv…>` (argv without node and the script); returns the exit code. */
export async function runCli(argv: string[], io: RunIO): Promise<number> {
  const locale = localeOf(argv);
  const options = vocabulary(locale);
  const ctx: CommandContext = { io, exitCode: 0, locale, options };
  const program = new Command();
  // settings made before the subcommands are added are inherited by them
  localize(program, locale, { out: (s) => void io.stdout(s), err: (s) => io.stderr(s) });
  program
    .name('plan-lint')
    .description(text.description[locale])
    .helpOption(...options.help())
    .helpCommand(...options.helpCommand())
    .version(toolVersion(), ...options.version())
    // throw instead of exiting; subcommands inherit this
    .exitOverride();
  const name = argv[0];
  // the version needs no command; help and errors list them all
  const wanted = name && Object.hasOwn(commands, name) ? [name] : name === '-v' || name === '--version' ? [] : Object.keys(commands);
  for (const c of wanted) (await commands[c]())(program, ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    // a bug escaped a command: one line, exit 2; the stack only with PLAN_LINT_DEBUG
    io.stderr(say(text.internal, locale, { message: oneLine(e instanceof Error ? e.message : String(e)) }));
    if (io.env.PLAN_LINT_DEBUG) io.stderr(String((e as Error)?.stack) + '\n');
    return 2;
  }
  return ctx.exitCode;
}
