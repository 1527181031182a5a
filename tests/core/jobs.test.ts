// check over many files: worker threads keep input order; the progress bar shows only on a terminal.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEEDS, root, seedPath } from './helpers.js';

const bin = path.join(root, 'bin', 'plan-lint.js');

function corpus(n: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-lint-jobs-'));
  const seeds = Object.values(SEEDS).map((s) => readFileSync(seedPath(s)));
  for (let i = 0; i < n; i++) writeFileSync(path.join(dir, `plan-${String(i).padStart(3, '0')}.txt`), seeds[i % seeds.length]);
  return dir;
}

describe('check --jobs', () => {
  it('reports the same, in the same order, with worker threads as in one thread', () => {
    const dir = corpus(12);
    const run = (jobs: string) => spawnSync('node', [bin, 'check', dir, '--format', 'compact', '--jobs', jobs], { encoding: 'utf8' });
    const one = run('1');
    const two = run('2');
    expect(two.status).toBe(one.status);
    expect(two.stdout).toBe(one.stdout);
    const files = [...new Set(one.stdout.split('\n').filter(Boolean).map((l) => l.split(':')[0]))];
    expect(files).toEqual([...files].sort());
    expect(files).toHaveLength(12);
  });

  it('shows a progress bar on a terminal and none when standard error is not one', () => {
    const dir = corpus(25);
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'plan-lint-out-')), 'report.txt');
    const plain = spawnSync('node', [bin, 'check', dir, '--format', 'compact', '-o', out], { encoding: 'utf8' });
    expect(plain.stderr).toBe('');
    // `script` gives the command a terminal
    const tty = spawnSync('script', ['-qc', `node ${bin} check ${dir} --format compact -o ${out}`, '/dev/null'], { encoding: 'utf8' });
    expect(tty.stdout).toMatch(/\d+\/25 个文件/);
    const quiet = spawnSync('script', ['-qc', `node ${bin} check ${dir} --format compact --quiet -o ${out}`, '/dev/null'], { encoding: 'utf8' });
    expect(quiet.stdout).not.toContain('个文件');
  });
});
