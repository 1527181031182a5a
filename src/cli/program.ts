// The plan-lint command line as a function: `runCli(argv, io)` parses the arguments, runs the
// command with the given IO and returns its exit code. bin/plan-lint.js calls it with the real
// process; tests call it in-process with IO they capture. Usage errors exit 2 (SPEC), --help
// and --version 0; nothing in here calls process.exit.
import { Command, CommanderError } from 'commander';
import type { RunIO } from '../run/io.js';
import { oneLine } from '../util/text.js';

/** What a command's action gets: the IO to use, and where to leave its exit code. */
export interface CommandContext {
  io: RunIO;
  exitCode: number;
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

/** Runs `plan-lint <argv…>` (argv without node and the script); returns the exit code. */
export async function runCli(argv: string[], io: RunIO): Promise<number> {
  const ctx: CommandContext = { io, exitCode: 0 };
  const program = new Command();
  program
    .name('plan-lint')
    .description('Compile Chinese planning documents (规划, 工作要点, 任务分工方案) into typed data and lint them.')
    .version('0.1.0')
    .showHelpAfterError('(run plan-lint --help for usage)')
    .configureOutput({ writeOut: (s) => void io.stdout(s), writeErr: (s) => io.stderr(s) })
    // throw instead of exiting; subcommands inherit this
    .exitOverride();
  const name = argv[0];
  const wanted = name && Object.hasOwn(commands, name) ? [name] : Object.keys(commands);
  for (const c of wanted) (await commands[c]())(program, ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    // a bug escaped a command: one line, exit 2; the stack only with PLAN_LINT_DEBUG
    io.stderr(`plan-lint: internal error: ${oneLine(e instanceof Error ? e.message : String(e))}\n`);
    if (io.env.PLAN_LINT_DEBUG) io.stderr(String((e as Error)?.stack) + '\n');
    return 2;
  }
  return ctx.exitCode;
}
