// The plan-lint command line. Each command lives in its own module and registers itself here.
import { Command } from 'commander';
import { registerExtract, registerSchema } from './extract.js';
import { registerDemo } from './demo.js';
import { registerCheck } from './check.js';
import { registerRules } from './rules.js';
import { registerExport } from './export.js';
import { registerDiff } from './diff.js';
import { registerReport } from './report.js';
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
  registerExport(program);
  registerDiff(program);
  registerReport(program);
  registerDemo(program);
  await program.parseAsync(argv);
}

// a reader that stops early (`plan-lint extract … | head`) is not an error
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  fail(e);
});

main(process.argv).catch(fail);
