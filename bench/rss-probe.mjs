// Runs the plan-lint CLI in this process with its standard output discarded and reports the
// process's peak resident set size (worker threads included) on standard error at exit.
import { writeSync } from 'node:fs';

process.stdout.write = (_chunk, enc, cb) => {
  (typeof enc === 'function' ? enc : cb)?.();
  return true;
};
process.on('exit', () => writeSync(2, `maxRSS=${process.resourceUsage().maxRSS}\n`));
process.argv = [process.argv[0], 'plan-lint', ...process.argv.slice(2)];
await import('../dist/cli/index.js');
