// Turning the paths given to `plan-lint check` into files: files as given, folders recursively
// (known extensions only), globs, and `-` for stdin. Paths that match nothing are problems.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export const knownExtensions = ['.txt', '.md', '.markdown', '.html', '.htm', '.docx'] as const;
export const STDIN = '-';
const skipDirs = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface Expanded {
  /** absolute paths, or '-' for stdin, in the order given (folders and globs sorted) */
  files: string[];
  problems: { file: string; message: string }[];
}

const isKnown = (f: string) => (knownExtensions as readonly string[]).includes(path.extname(f).toLowerCase());

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!skipDirs.has(e.name) && !e.name.startsWith('.')) await walk(full, out);
    } else if (e.isFile() && isKnown(e.name)) out.push(full);
  }
}

export async function expandInputs(inputs: string[], cwd: string): Promise<Expanded> {
  const files: string[] = [];
  const problems: Expanded['problems'] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    files.push(f);
  };
  for (const input of inputs) {
    if (input === STDIN) {
      add(STDIN);
      continue;
    }
    const abs = path.resolve(cwd, input);
    const stat = await fs.stat(abs).catch(() => null);
    if (stat?.isDirectory()) {
      const found: string[] = [];
      await walk(abs, found);
      if (found.length === 0) problems.push({ file: input, message: `no plan files (${knownExtensions.join(' ')}) in this folder` });
      found.forEach(add);
    } else if (stat) {
      add(abs);
    } else if (isDynamicPattern(input)) {
      const found = (await glob(input, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] }))
        .filter(isKnown)
        .map((f) => path.resolve(f))
        .sort();
      if (found.length === 0) problems.push({ file: input, message: 'no plan files match this pattern' });
      found.forEach(add);
    } else {
      problems.push({ file: input, message: 'no such file or directory' });
    }
  }
  return { files, problems };
}
