// Until src/cli/index.ts registers them: a plan-lint program with only `export` and `diff`,
// built from their register functions in dist/ (npm test compiles first), run as a process.
import { Command } from 'commander';
import { registerExport } from '../../dist/cli/export.js';
import { registerDiff } from '../../dist/cli/diff.js';

const program = new Command().name('plan-lint').exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));
registerExport(program);
registerDiff(program);
await program.parseAsync(process.argv);
