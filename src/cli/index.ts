// The plan-lint command line. Each command lives in its own module and registers itself here.
import { Command } from 'commander';
import { registerExtract, registerSchema } from './extract.js';
import { registerDemo } from './demo.js';
import { registerCheck } from './check.js';
import { registerRules } from './rules.js';
import { fail } from './errors.js';

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
  registerExtract(program);
  registerSchema(program);
  registerCheck(program);
  registerRules(program);
  registerDemo(program);
  await program.parseAsync(argv);
}

main(process.argv).catch(fail);
