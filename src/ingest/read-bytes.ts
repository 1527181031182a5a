// Bytes of an input: a file (regular files and pipes only), or standard input for `-`.
import { readFileSync, statSync } from 'node:fs';
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

/** The bytes of `file`; `-` reads `stdin`. Whatever goes wrong is an InputError naming the file. */
export async function readBytes(file: string, stdin: () => Promise<Uint8Array> = readStdin): Promise<Uint8Array> {
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
    // a pipe is read without blocking the thread: its writer may be this very process
    return st.isFile() ? readFileSync(file) : await readFile(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? (e as Error).message})`;
    throw new InputError(file, why);
  }
}
