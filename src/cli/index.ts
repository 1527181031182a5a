// The plan-lint command line. Each command lives in its own module and registers itself here.
import { Command } from 'commander';
import { fail } from './errors.js';

type Register = (program: Command) => unknown;

/**
 * Each command's module, loaded on demand: `plan-lint check …` loads check alone, so a cold
 * start pays for one command, not all of them (help loads them all to list them).
 */
const commands: Record<string, () => Promise<Register[]>> = {
  extract: async () => [(await import('./extract.js')).registerExtract],
  schema: async () => [(await import('./extract.js')).registerSchema],
  check: async () => [(await import('./check.js')).registerCheck],
  rules: async () => [(await import('./rules.js')).registerRules],
  export: async () => [(await import('./export.js')).registerExport],
  diff: async () => [(await import('./diff.js')).registerDiff],
  report: async () => [(await import('./report.js')).registerReport],
  demo: async () => [(await import('./demo.js')).registerDemo],
};

export async function main(argv: string[]): Promise<void> {
  const program = new Command();
  program
    .name('plan-lint')
    .description('Compile Chinese planning documents (规划, 工作要点, 任务分工方案) into typed data and lint them.')
    .version('0.1.0')
    .showHelpAfterError('(run plan-lint --help for usage)')
    .exitOverride((err) => {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') process.exit(0);
      process.exit(2);
    });
  const name = argv[2];
  const wanted = name && Object.hasOwn(commands, name) ? [name] : Object.keys(commands);
  for (const c of wanted) for (const register of await commands[c]()) register(program);
  await program.parseAsync(argv);
}

// a reader that stops early (`plan-lint extract … | head`) is not an error
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  fail(e);
});

main(process.argv).catch(fail);
