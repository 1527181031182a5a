// Bytes of an input: a file (regular files and pipes only), or standard input for `-`.
import { closeSync, openSync, read, readFileSync, statSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import process from 'node:process';
import { InputError } from './errors.js';

/** Largest input read (a plan is far smaller; this keeps a stray disk image out of memory). */
export const MAX_BYTES = 512 * 1024 * 1024;
const TOO_LARGE = 'more than 512 MB, not a plan text';

/** This process's standard input, read to the end (refused beyond MAX_BYTES). */
export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_BYTES) throw new InputError('<stdin>', TOO_LARGE);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * A regular file's bytes read ahead of their turn, on the thread pool, while this thread works
 * on another file: readBytes takes them instead of reading the file itself. Its promise never
 * rejects: it holds null where the read ahead failed or did not happen, and readBytes then
 * reads (and fails) as it would have, at the file's turn, so errors come as and when they did.
 */
export interface Prefetch {
  readonly file: string;
  /** what the file was when read ahead: readBytes takes the bytes only if it still is */
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
  readonly bytes: Promise<Buffer | null>;
}

/**
 * Starts reading `file` ahead of its turn: a regular file of at most MAX_BYTES, in one read on
 * the thread pool, so it costs this thread only an open and a stat (fs.promises.readFile would
 * take an open, a stat, reads and a close, each waiting for this thread between files). Null
 * for anything else (stdin, missing files, folders, pipes, devices, empty or too large files):
 * those are left to readBytes at their turn, which reports them. A pipe is never opened here:
 * opening one waits for its writer, and reading it would take its data before its turn.
 */
export function prefetchBytes(file: string): Prefetch | null {
  if (file === '-') return null;
  let st: Stats;
  let fd: number;
  try {
    st = statSync(file);
    if (!st.isFile() || st.size === 0 || st.size > MAX_BYTES) return null;
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  const size = st.size;
  const bytes = new Promise<Buffer | null>((resolve) => {
    const buf = Buffer.allocUnsafeSlow(size);
    try {
      read(fd, buf, 0, size, 0, (err, n) => {
        try {
          closeSync(fd);
        } catch {
          // the bytes are read; a failed close loses nothing
        }
        // a short read (the file shrank meanwhile): readBytes reads it again
        resolve(err || n !== size ? null : buf);
      });
    } catch {
      closeSync(fd);
      resolve(null);
    }
  });
  return { file, size, mtimeMs: st.mtimeMs, ino: st.ino, bytes };
}

/**
 * The bytes of `file`; `-` reads `stdin`. Whatever goes wrong is an InputError naming the file.
 * `prefetched`: the file read ahead (prefetchBytes), taken if the file is as it was then.
 */
export async function readBytes(file: string, stdin: () => Promise<Uint8Array> = readStdin, prefetched?: Prefetch | null): Promise<Uint8Array> {
  if (file === '-') {
    const bytes = await stdin();
    if (bytes.length > MAX_BYTES) throw new InputError('<stdin>', TOO_LARGE);
    return bytes;
  }
  try {
    // read synchronously: a plan is small, and a run reading one file after another spent a
    // seventh of its time waiting for the thread pool to hand over each stat and read
    const st = statSync(file);
    if (st.isDirectory()) throw new InputError(file, 'is a folder');
    if (st.isCharacterDevice() || st.isBlockDevice() || st.isSocket()) throw new InputError(file, 'not a regular file');
    if (st.size > MAX_BYTES) throw new InputError(file, TOO_LARGE);
    if (st.isFile() && prefetched?.file === file && prefetched.size === st.size && prefetched.mtimeMs === st.mtimeMs && prefetched.ino === st.ino) {
      const bytes = await prefetched.bytes;
      if (bytes) return bytes;
    }
    // a pipe is read without blocking the thread: its writer may be this very process
    return st.isFile() ? readFileSync(file) : await readFile(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? (e as Error).message})`;
    throw new InputError(file, why);
  }
}
