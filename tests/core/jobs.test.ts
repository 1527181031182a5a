// check over many files: worker threads keep input order and always finish; the progress bar
// shows only on a terminal. In-process; worker threads run the built worker (npm test builds).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck, type CheckOptions } from '../../src/cli/check.js';
import { captureIO, repo, workspace, type IOOptions } from '../helpers/cli.js';
import { SEEDS, seedPath } from './helpers.js';

const workerScript = new URL(`file://${path.join(repo, 'dist', 'run', 'worker.js')}`);

const small = (i: number) =>
  `某区${2000 + (i % 30)}年应急管理工作要点\n一、重点任务\n（一）完善第${i}号预案。（责任单位：区应急管理局）\n（二）开展演练${i % 7}次${i % 3 === 0 ? '，XX待定' : ''}。\n`;

function corpus(n: number, text: (i: number) => string | Buffer = small): string {
  return workspace(Object.fromEntries(Array.from({ length: n }, (_, i) => [`plan-${String(i).padStart(3, '0')}.txt`, text(i)])));
}

async function check(inputs: string[], opts: CheckOptions, io: IOOptions = {}) {
  const c = captureIO(io);
  const status = await runCheck(inputs, { workerScript, ...opts }, c.io);
  return { status, stdout: c.stdout(), stderr: c.stderr() };
}

describe('check --jobs', () => {
  it('reports the same, in the same order, with worker threads as in one thread', async () => {
    const dir = corpus(10, (i) => (i === 0 ? readFileSync(seedPath(SEEDS.workPoints)) : small(i)));
    const one = await check([dir], { format: 'compact', jobs: 1 }, { cwd: dir });
    const three = await check([dir], { format: 'compact', jobs: 3 }, { cwd: dir });
    expect(three.stderr).toBe('');
    expect(three.status).toBe(one.status);
    expect(three.stdout).toBe(one.stdout);
    const files = [...new Set(one.stdout.split('\n').filter(Boolean).map((l) => l.split(':')[0]))];
    expect(files).toEqual([...files].sort());
    expect(files).toHaveLength(10);
  });

  // bug 1 of issue 11, as reported: a large file first, then many small ones, three jobs
  it('-j 3 on a 600 KB file and 60 small ones: every file reported, the JSON closed', async () => {
    const big = readFileSync(seedPath(SEEDS.workPoints), 'utf8');
    const files: Record<string, string> = { 'a-big.txt': big.repeat(Math.ceil(600_000 / Buffer.byteLength(big))) };
    for (let i = 0; i < 60; i++) files[`b-${String(i).padStart(2, '0')}.txt`] = small(i);
    const dir = workspace(files);
    const r = await check([dir], { format: 'json', jobs: 3 }, { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout.endsWith(']\n')).toBe(true);
    expect((JSON.parse(r.stdout) as { filePath: string }[]).map((f) => path.basename(f.filePath))).toEqual(Object.keys(files).sort());
  });

  it('shows a progress bar on a terminal, none when standard error is not one, none with --quiet', async () => {
    const dir = corpus(25);
    const out = path.join(workspace(), 'report.txt');
    const plain = await check([dir], { format: 'compact', outputFile: out, jobs: 1 }, { cwd: dir });
    expect(plain.stderr).toBe('');
    const tty = await check([dir], { format: 'compact', outputFile: out, jobs: 1 }, { cwd: dir, stderrIsTTY: true });
    expect(tty.stderr).toMatch(/\d+\/25 个文件/);
    const quiet = await check([dir], { format: 'compact', outputFile: out, jobs: 1, quiet: true }, { cwd: dir, stderrIsTTY: true });
    expect(quiet.stderr).not.toContain('个文件');
  });
});
