// expandInputs checks every file once, by its real path, however it is reached: named, through
// a linked folder, through a link to it, by walking a folder or a folder linked to it.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/ingest/walk.js';

let dir = '';
const at = (...p: string[]) => path.join(dir, ...p);

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'plan-lint-walk-'));
  mkdirSync(at('real', 'sub'), { recursive: true });
  writeFileSync(at('real', 'a.txt'), '一、任务\n');
  writeFileSync(at('real', 'sub', 'b.md'), '# 规划\n');
  symlinkSync('real', at('linked'));
  symlinkSync(path.join('real', 'a.txt'), at('a-link.txt'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('expandInputs: each real file once', () => {
  it('a file named, named through a linked folder, and linked to', async () => {
    const r = await expandInputs(['real/a.txt', 'linked/a.txt', './real/../real/a.txt', 'a-link.txt'], dir);
    expect(r.files).toEqual([at('real', 'a.txt')]);
    expect(r.problems).toEqual([]);
  });

  it('a folder walked through a link to it, then as itself, then its files named', async () => {
    const r = await expandInputs(['linked', 'real', 'real/sub/b.md', 'linked/sub/b.md', 'a-link.txt'], dir);
    expect(r.files).toEqual([at('linked', 'a.txt'), at('linked', 'sub', 'b.md')]);
    expect([...r.walked]).toEqual(r.files);
  });

  it('a file named first, then found again by walking its folder through a link', async () => {
    const r = await expandInputs(['linked/sub/b.md', 'linked', 'real'], dir);
    expect(r.files).toEqual([at('linked', 'sub', 'b.md'), at('linked', 'a.txt')]);
    expect([...r.walked]).toEqual([at('linked', 'a.txt')]);
  });
});
