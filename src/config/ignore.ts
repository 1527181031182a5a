// Which files a run leaves out: `.planlintignore` in the working folder and --ignore-pattern
// flags, both in .gitignore syntax relative to the working folder (ESLint's .eslintignore and
// --ignore-pattern), read with the `ignore` library that implements git's rules.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type ignoreFactory from 'ignore';
import { lazyRequire } from '../util/lazy-require.js';

// required only when there is something to ignore: most runs have no ignore file
const ignore = lazyRequire<typeof ignoreFactory>('ignore');

export const IGNORE_FILE = '.planlintignore';

export interface IgnoreOptions {
  /** patterns given on the command line */
  patterns?: string[];
  /** false: neither the ignore file nor the patterns apply (--no-ignore) */
  enabled?: boolean;
}

/** Tells whether an absolute path is ignored (`isDir`: a folder, so that "drafts/" matches it). */
export type IgnoredPredicate = (file: string, isDir: boolean) => boolean;

/** The predicate for a run in `cwd`, or null when nothing is ignored. */
export function ignoredBy(cwd: string, opts: IgnoreOptions = {}): IgnoredPredicate | null {
  if (opts.enabled === false) return null;
  let file: string | null = null;
  try {
    file = readFileSync(path.join(cwd, IGNORE_FILE), 'utf8');
  } catch {
    // no ignore file: nothing to add
  }
  if (file === null && !opts.patterns?.length) return null;
  const ig = ignore()();
  // the file as a whole (the library splits it into lines), the flags one pattern each
  if (file !== null) ig.add(file);
  if (opts.patterns?.length) ig.add(opts.patterns);
  return (file, isDir) => {
    const rel = path.relative(cwd, file).split(path.sep).join('/');
    // files outside the working folder are never matched (the patterns are relative to it)
    if (!rel || rel.startsWith('../') || path.isAbsolute(rel)) return false;
    return ig.ignores(isDir ? `${rel}/` : rel);
  };
}
