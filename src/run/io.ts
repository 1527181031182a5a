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

/**
 * Writes to standard output and standard error one after the other: each write starts when the
 * one before it (on either stream) has been handed over whole. On POSIX a write to a full pipe
 * is finished later by the event loop, so when both streams go into one pipe (`2>&1`, a CI log)
 * a line to stderr could otherwise land in the middle of a line to stdout. Callers write whole
 * lines, so the pipe receives whole lines.
 */
export function orderedWriter(out: NodeJS.WritableStream, err: NodeJS.WritableStream) {
  let last: Promise<unknown> = Promise.resolve();
  const write = (stream: NodeJS.WritableStream, s: string) => {
    const done = last.then(() => new Promise<void>((resolve, reject) => stream.write(s, (e) => (e ? reject(e) : resolve()))));
    last = done.catch(() => {}); // a failed write does not hold up the next one
    return done;
  };
  return {
    stdout: (s: string) => write(out, s),
    // stderr is never awaited: a failure to write an error message has no one left to tell
    stderr: (s: string) => void write(err, s).catch(() => {}),
  };
}

/** The real process: its working folder, environment and standard streams. */
export function processIO(): RunIO {
  const writer = orderedWriter(process.stdout, process.stderr);
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: writer.stdout,
    stderr: writer.stderr,
    stdin: readStdin,
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stderrColumns: process.stderr.columns,
  };
}
