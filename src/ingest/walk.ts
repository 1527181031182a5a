// Turning the paths given to a command into files: files as given, folders recursively
// (the extensions of the reader registry only), globs, and `-` for stdin. Paths that match nothing are problems.
// Symbolic links are followed, but every file is checked once (by its real path) and a folder
// linked into itself is walked once; devices and sockets are refused (reading /dev/zero never
// ends) and folders yield regular files only; a folder that cannot be read is a problem, not a crash.
// The file system is asked synchronously: an async stat and realpath per file left this thread
// idle waiting on the thread pool (~56 µs per named file against ~10 µs), and the run does
// nothing else meanwhile (the files are read synchronously too, read-bytes.ts).
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { inputExtensions, isInputFile } from './formats.js';

// loaded only for an input that may be a glob (a path that names no file and holds a glob character)
const globs = () => import('tinyglobby');

export const STDIN = '-';
const skipDirs = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface Expanded {
  /** absolute paths, or '-' for stdin, in the order given (folders and globs sorted) */
  files: string[];
  /** the files of `files` found by walking a folder or expanding a glob, not named one by one */
  walked: Set<string>;
  /** files named one by one that the ignore patterns leave out (the runner says so) */
  ignored: string[];
  problems: { file: string; message: string }[];
}

export interface ExpandOptions {
  /** whether an absolute path is left out (.planlintignore, --ignore-pattern); `isDir` for folders */
  ignored?: ((file: string, isDir: boolean) => boolean) | null;
}


/** Why a path cannot be opened, in words (for the one-line message). */
function statProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'ELOOP') return 'symbolic link loop';
  if (code === 'EACCES' || code === 'EPERM') return `cannot read (${code})`;
  if (code === 'ENOTDIR') return 'no such file or directory (a parent is not a folder)';
  if (code === 'ENAMETOOLONG') return 'path too long';
  return `cannot read (${code ?? (e as Error).message})`;
}

/**
 * Regular files and pipes (`<(…)`, a FIFO named on the command line) can be read to the end;
 * devices and sockets cannot. In a folder only regular files are taken: a FIFO nobody writes
 * to would block the run forever.
 */
const readable = (st: Stats) => st.isFile() || st.isFIFO();

/** `ask()`, or null where the file system refuses (a missing file, a dangling link, a link loop). */
function orNull<T>(ask: () => T): T | null {
  try {
    return ask();
  } catch {
    return null;
  }
}

/** The real path of `f` (realpath(3), as fs.promises.realpath asks it), or `f` when it has none. */
const realOf = (f: string): string => orNull(() => realpathSync.native(f)) ?? f;

export async function expandInputs(inputs: string[], cwd: string, opts: ExpandOptions = {}): Promise<Expanded> {
  const files: string[] = [];
  const walked = new Set<string>();
  const ignoredFiles: string[] = [];
  const problems: Expanded['problems'] = [];
  const ignored = opts.ignored ?? (() => false);
  const seen = new Set<string>(); // real paths of the files taken
  const add = (f: string, found = false) => {
    if (f === STDIN) {
      if (!seen.has(STDIN)) files.push(STDIN);
      seen.add(STDIN);
      return;
    }
    const real = realOf(f);
    if (seen.has(real)) return;
    seen.add(real);
    files.push(f);
    if (found) walked.add(f);
  };

  /** Files below `dir`, sorted by name at each level; links followed, each real folder once. */
  const walk = (dir: string, shown: string, out: string[], visited: Set<string>): void => {
    const real = realOf(dir);
    if (visited.has(real)) return; // a folder linked into itself (or reached twice)
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ file: shown, message: statProblem(e) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      const sub = `${shown.replace(/\/+$/, '')}/${e.name}`;
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        const st = orNull(() => statSync(full)); // dangling links and link loops: skipped
        isDir = Boolean(st?.isDirectory());
        isFile = Boolean(st?.isFile());
      }
      if (isDir) {
        if (!skipDirs.has(e.name) && !e.name.startsWith('.') && !ignored(full, true)) walk(full, sub, out, visited);
      } else if (isFile && isInputFile(e.name) && !ignored(full, false)) out.push(full);
    }
  };

  for (const input of inputs) {
    if (!input.trim()) {
      // an unset shell variable ("check $PLANS"): never the whole working folder
      problems.push({ file: JSON.stringify(input), message: 'empty path (an unset shell variable?)' });
      continue;
    }
    if (input === STDIN) {
      add(STDIN);
      continue;
    }
    const abs = path.resolve(cwd, input);
    let stat: Stats | null = null;
    let statError: unknown = null;
    try {
      stat = statSync(abs);
    } catch (e) {
      statError = e;
    }
    if (stat?.isDirectory()) {
      const found: string[] = [];
      walk(abs, input, found, new Set());
      if (found.length === 0 && !problems.some((p) => p.file === input))
        problems.push({ file: input, message: `no plan files (${inputExtensions.join(' ')}) in this folder` });
      for (const f of found) add(f, true);
    } else if (stat) {
      if (!readable(stat)) problems.push({ file: input, message: 'not a regular file (a device or socket), not a plan text' });
      else if (ignored(abs, false)) ignoredFiles.push(abs);
      else add(abs);
    } else if (/[*?[\]{}()!+@]/.test(input) && (await globs()).isDynamicPattern(input)) {
      const matches = (await (await globs()).glob(input, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] }))
        .filter(isInputFile)
        .map((f) => path.resolve(f))
        .filter((f) => !ignored(f, false));
      // the glob follows links, so one file can match under several paths (a folder linked
      // into itself): keep, for each real file, its shortest path
      const best = new Map<string, string>();
      for (const f of matches) {
        const real = realOf(f);
        const prev = best.get(real);
        const depth = (p: string) => p.split(path.sep).length;
        if (!prev || depth(f) < depth(prev) || (depth(f) === depth(prev) && f < prev)) best.set(real, f);
      }
      const found = [...best.values()].sort();
      if (found.length === 0) problems.push({ file: input, message: 'no plan files match this pattern' });
      for (const f of found) add(f, true);
    } else {
      // a link that points nowhere or at itself says so; anything else is missing
      const link = orNull(() => lstatSync(abs));
      const code = (statError as NodeJS.ErrnoException | null)?.code;
      problems.push({ file: input, message: link?.isSymbolicLink() && code === 'ENOENT' ? 'dangling symbolic link' : statProblem(statError) });
    }
  }
  return { files, walked, ignored: ignoredFiles, problems };
}
