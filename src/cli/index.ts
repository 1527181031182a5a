// The plan-lint command line. Each command lives in its own module and registers itself here.
import { Command } from 'commander';
import { registerExtract, registerSchema } from './extract.js';
import { registerDemo } from './demo.js';
import { fail } from './errors.js';

export async function main(argv: string[]): Promise<void> {
  const program = new Command();
  program
    .name('plan-lint')
    .description('Compile Chinese planning documents (规划, 工作要点, 任务分工方案) into typed data and lint them.')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride((err) => {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') process.exit(0);
      process.exit(2);
    });
  registerExtract(program);
  registerSchema(program);
  registerDemo(program);
  await registerOptional(program);
  await program.parseAsync(argv);
}

/** Commands whose modules may not exist in every build stage are loaded when present. */
async function registerOptional(program: Command): Promise<void> {
  for (const [mod, fn] of [
    ['./check.js', 'registerCheck'],
    ['./rules.js', 'registerRules'],
  ] as const) {
    try {
      const m = (await import(mod)) as Record<string, (p: Command) => void>;
      m[fn]?.(program);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw e;
    }
  }
}

main(process.argv).catch(fail);
