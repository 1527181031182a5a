// displayPath shows a path relative to the working folder without path.relative where both
// paths are absolute and normal; it must show every path exactly as path.relative would.
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../../src/util/paths.js';

/** displayPath as it was written with path.relative alone. */
function byRelative(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
  return shown.split(path.sep).join('/');
}

const segment = fc.constantFrom('a', 'b', 'plans', '..', '.', '', '..x', '.h', 'x..', '规划', 'a b');
const somePath = fc.tuple(fc.boolean(), fc.array(segment, { maxLength: 5 })).map(([abs, parts]) => (abs ? '/' : '') + parts.join('/'));

describe('displayPath', () => {
  it('shows files inside, outside and around the working folder as path.relative does', () => {
    const cases: [string, string, string][] = [
      ['/work/plans/a.txt', '/work', 'plans/a.txt'],
      ['/work/plans/a.txt', '/work/', 'plans/a.txt'],
      ['/work/plans/a.txt', '/', 'work/plans/a.txt'],
      ['/work/plans/a.txt', '/work/other', '/work/plans/a.txt'],
      ['/work', '/work', '/work'],
      ['/work', '/work/plans', '/work'],
      ['/workshop/a.txt', '/work', '/workshop/a.txt'],
      ['/work/..a.txt', '/work', '/work/..a.txt'],
      ['/work/./a.txt', '/work', 'a.txt'],
      ['/work/x/../a.txt', '/work', 'a.txt'],
      ['/work//a.txt', '/work', 'a.txt'],
      ['/work/a.txt', '/work/x/..', 'a.txt'],
      ['<stdin>', '/work', '<stdin>'],
    ];
    for (const [file, cwd, shown] of cases) expect([file, cwd, displayPath(file, cwd)]).toEqual([file, cwd, shown]);
  });

  it.runIf(path.sep === '/')('agrees with path.relative on generated paths', () => {
    fc.assert(
      fc.property(somePath, somePath, (file, cwd) => {
        const at = '/' + cwd.replace(/^\//, ''); // a working folder is absolute
        expect(displayPath(file, at)).toBe(byRelative(file, at));
        expect(displayPath(at + '/' + file, at)).toBe(byRelative(at + '/' + file, at));
      }),
      { numRuns: 1500, seed: 7 },
    );
  });
});
