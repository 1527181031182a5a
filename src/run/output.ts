// The one writer of every command's output: standard output as it is produced, or a file
// written atomically — a temporary file beside the target (same file system), renamed over
// it at the end — so readers never see half a report, and a failed run leaves the old file.
import { createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { displayPath } from '../util/paths.js';
import type { RunIO } from './io.js';
import { OutputError } from './problems.js';

export interface Output {
  write(chunk: string | Uint8Array): Promise<void>;
  /** Finishes the output: renames the file into place. Throws OutputError when it cannot. */
  close(): Promise<void>;
  /** Gives up: removes the temporary file, leaves the target as it was. */
  abort(): Promise<void>;
}

const codeOf = (e: unknown) => (e as NodeJS.ErrnoException)?.code ?? (e as Error)?.message ?? String(e);

/**
 * Opens where a command's output goes: `target` (a path, relative to io.cwd) or, when null,
 * standard output. While `hold()` is true standard output is kept back (a progress bar owns
 * the terminal). Throws OutputError when the file cannot be opened.
 */
export async function openOutput(target: string | null, io: RunIO, hold: () => boolean = () => false): Promise<Output> {
  if (target === null) {
    const held: string[] = [];
    return {
      async write(chunk) {
        const s = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        if (!s) return;
        if (hold()) held.push(s);
        else await io.stdout(held.length ? held.splice(0).join('') + s : s);
      },
      async close() {
        if (held.length) await io.stdout(held.splice(0).join(''));
      },
      async abort() {
        held.length = 0;
      },
    };
  }
  const file = path.resolve(io.cwd, target);
  return atomicFile(file, displayPath(file, io.cwd));
}

/**
 * A file written atomically: a temporary file beside it, renamed over it on close. `mode` sets
 * its permissions (a rewritten input keeps its own). Throws OutputError naming `shown`.
 */
export async function atomicFile(file: string, shown: string, mode?: number): Promise<Output> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let ws: WriteStream;
  try {
    await fs.access(path.dirname(file));
    ws = createWriteStream(tmp, { flags: 'wx', ...(mode === undefined ? {} : { mode }) });
    await once(ws, 'open');
    if (mode !== undefined) await fs.chmod(tmp, mode); // the umask may have taken bits away
  } catch (e) {
    throw new OutputError(shown, `cannot write (${codeOf(e)})`);
  }
  let failed: unknown = null;
  ws.on('error', (e) => (failed ??= e));
  const removeTmp = () => fs.rm(tmp, { force: true });
  return {
    async write(chunk) {
      if (failed || !chunk.length) return;
      // wait for the buffer to drain; an error ends the wait too (and is reported at close)
      if (!ws.write(chunk)) await drainedOrFailed(ws);
    },
    async close() {
      if (!failed) await new Promise<void>((resolve) => ws.end(resolve).once('error', () => resolve()));
      else ws.destroy();
      if (!failed) {
        try {
          await fs.rename(tmp, file);
          return;
        } catch (e) {
          failed = e;
        }
      }
      await removeTmp();
      throw new OutputError(shown, `cannot write (${codeOf(failed)})`);
    },
    async abort() {
      ws.destroy();
      await removeTmp();
    },
  };
}

/** Writes `content` to `file` atomically (a rewritten input: --fix), keeping `mode`. */
export async function writeFileAtomically(file: string, content: string | Uint8Array, mode?: number): Promise<void> {
  await writeAll(await atomicFile(file, file, mode), content);
}

/** Writes a whole output at once (a model, a table, a page) through openOutput. */
export async function writeOutput(target: string | null, content: string | Uint8Array, io: RunIO): Promise<void> {
  await writeAll(await openOutput(target, io), content);
}

/** Writes all of `content` and closes; a failed write aborts (a file target is left as it was). */
async function writeAll(out: Pick<Output, 'write' | 'abort' | 'close'>, content: string | Uint8Array): Promise<void> {
  try {
    await out.write(content);
  } catch (e) {
    await out.abort();
    throw e;
  }
  await out.close();
}

/** Waits until a stream's buffer drains or it fails, and leaves no listener behind (a long output waits many times). */
function drainedOrFailed(ws: WriteStream): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      ws.off('drain', done);
      ws.off('error', done);
      resolve();
    };
    ws.on('drain', done);
    ws.on('error', done);
  });
}
