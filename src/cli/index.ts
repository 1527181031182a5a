// Entry point of the command line: the real process's IO through runCli.
import { processIO } from '../run/io.js';
import { runCli } from './program.js';

// a reader that stops early (`plan-lint extract … | head`) is not an error
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`plan-lint: standard output: ${e.code ?? e.message}\n`);
  process.exit(2);
});

runCli(process.argv.slice(2), processIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`plan-lint: internal error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
    process.exitCode = 2;
  },
);
