// The build records the prefilters of the grammars' patterns (src/grammars/prefilter-memo.ts):
// every recorded answer must be what prefilter.ts works out for that pattern today, and a
// pattern the record does not hold is worked out as before.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as memo from '../../src/grammars/prefilter-memo.js';
import { firstChars, requiredChars, sharpTest } from '../../src/grammars/prefilter.js';
import { repo } from '../helpers/cli.js';

type Stored = [string, string] | null;
const show = (re: RegExp | null) => (re ? `/${re.source}/${re.flags}` : null);
const shown = (s: Stored) => (s ? `/${s[0]}/${s[1]}` : null);

describe('the prefilters recorded by the build', () => {
  it('hold, for every pattern, what prefilter.ts works out for it', () => {
    const record = JSON.parse(readFileSync(path.join(repo, 'dist', 'grammars.prefilters.json'), 'utf8')) as Record<string, Stored>;
    const keys = Object.keys(record);
    // the grammars' own patterns: owner labels, deadlines, headings, titles, junk …
    expect(keys.length).toBeGreaterThan(30);
    for (const key of keys) {
      const [kind, ...rest] = key.split('/');
      if (kind === 'r') {
        const flags = rest[0];
        expect(shown(record[key]), key.slice(0, 80)).toBe(show(requiredChars(rest.slice(1).join('/'), flags)));
      } else {
        // firstChars (f/) and sharpTest (s/) of a list of patterns
        expect(['f', 's']).toContain(kind);
        const patterns = rest.join('/').split('\u0000').map((p) => new RegExp(p.slice(p.indexOf('/') + 1), p.slice(0, p.indexOf('/'))));
        expect(shown(record[key]), key.slice(0, 80)).toBe(show(kind === 's' ? sharpTest(patterns) : firstChars(patterns)));
      }
    }
  });

  it('work out a pattern no record holds, as prefilter.ts does', () => {
    expect(show(memo.requiredChars('(?:督办|跟踪)单位[:：]', 'u'))).toBe(show(requiredChars('(?:督办|跟踪)单位[:：]', 'u')));
    expect(show(memo.requiredChars('(?:督办|跟踪)单位[:：]', 'u'))).toMatch(/^\/\[.*\]\/u$/);
    expect(memo.requiredChars('a*', '')).toBeNull();
    const heads = [/^第[一二三]章/u, /^（[一二三]）/u];
    expect(show(memo.firstChars(heads))).toBe(show(firstChars(heads)));
    const dates = [/(\d{4})\s*年\s*(\d{1,2})\s*月底前/u, /(\d{1,2})月底前/u];
    expect(show(memo.sharpTest(dates))).toBe(show(sharpTest(dates)));
  });
});
