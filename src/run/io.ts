// What a command touches of the outside world, injected so tests run commands in-process.
import process from 'node:process';
import { readStdin } from '../ingest/read-bytes.js';

export interface RunIO {
  cwd: string;
  env: Record<string, string | undefined>;
  /** standard output; may return a promise that settles when the data is handed over */
  stdout(s: string): void | Promise<void>;
  stderr(s: string): void;
  /** standard input as bytes, for the input `-` */
  stdin(): Promise<Uint8Array>;
  /** whether standard output is a terminal (colours, holding output behind a progress bar) */
  isTTY: boolean;
  /** whether standard error is a terminal (the progress bar goes there) */
  stderrIsTTY: boolean;
  /** the width of that terminal */
  stderrColumns?: number;
}

/** The real process: its working folder, environment and standard streams. */
export function processIO(): RunIO {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (s) => new Promise<void>((resolve, reject) => process.stdout.write(s, (err) => (err ? reject(err) : resolve()))),
    stderr: (s) => void process.stderr.write(s),
    stdin: readStdin,
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stderrColumns: process.stderr.columns,
  };
}
