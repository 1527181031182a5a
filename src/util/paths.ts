import path from 'node:path';

export const STDIN_PATH = '<stdin>';

/** a segment that is empty, `.` or `..` (also the first or the last one): the path is not normal */
const notNormal = /(?:^|\/)\.{0,2}(?:\/|$)/;

let lastCwd = '';
let lastBase: string | null = null;

/** `cwd` without trailing slashes followed by one slash, when it is an absolute normal POSIX path; else null. */
function baseOf(cwd: string): string | null {
  if (cwd === lastCwd) return lastBase;
  let base: string | null = null;
  if (path.sep === '/' && cwd.charCodeAt(0) === 47 /* / */) {
    const trimmed = cwd.replace(/\/+$/, '');
    base = trimmed === '' ? '/' : notNormal.test(trimmed.slice(1)) ? null : trimmed + '/';
  }
  lastCwd = cwd;
  lastBase = base;
  return base;
}

/**
 * displayPath(file, cwd) without path.relative (which resolves both paths, ~5 µs a call; each
 * file's path is shown twice per run: by the runner, by the formatter) when both are absolute
 * normal POSIX paths: then path.relative is the part of `file` below `cwd` when `file` is inside
 * it, else it begins with `..` (and `file` is shown as it is); undefined for other paths.
 */
function shownQuickly(file: string, cwd: string): string | undefined {
  const base = baseOf(cwd);
  if (base === null || file.charCodeAt(0) !== 47 || notNormal.test(file.slice(1))) return undefined;
  if (file.length <= base.length || !file.startsWith(base)) return file;
  const rest = file.slice(base.length);
  return rest.startsWith('..') ? file : rest;
}

/** A path as shown to people: relative to `cwd` when inside it, with forward slashes. */
export function displayPath(file: string, cwd: string): string {
  if (file === STDIN_PATH) return file;
  const quick = shownQuickly(file, cwd);
  if (quick !== undefined) return quick;
  const rel = path.relative(cwd, file);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
  return shown.split(path.sep).join('/');
}
