import path from 'node:path';

export const STDIN_PATH = '<stdin>';

/** A path as shown to people: relative to `cwd` when inside it, with forward slashes. */
export function displayPath(file: string, cwd: string): string {
  if (file === STDIN_PATH) return file;
  const rel = path.relative(cwd, file);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
  return shown.split(path.sep).join('/');
}
