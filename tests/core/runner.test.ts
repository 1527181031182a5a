// The runner: outcomes in input order, at most `jobs` files at once, a bounded lookahead, and
// every failure classified by its class and naming its file.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/schema.js';
import { InputError } from '../../src/ingest/errors.js';
import { GrammarError } from '../../src/grammars/load.js';
import type { Analysis } from '../../src/model/analysis.js';
import { extractText } from '../../src/pipeline.js';
import { mapOrdered } from '../../src/run/pool.js';
import { OutputError, problemOf } from '../../src/run/problems.js';
import { defaultJobs, runFiles, type Outcome } from '../../src/run/run-files.js';
import { cleanPlan, workspace } from '../helpers/cli.js';

const drain = async (n = 20) => {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

describe('mapOrdered', () => {
  it('runs at most `jobs` at once, starts no more than `lookahead` ahead, and yields in order', async () => {
    const release: (() => void)[] = [];
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const work = async (i: number) => {
      started.push(i);
      running++;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => release.push(resolve));
      running--;
      return i * 10;
    };
    const out: number[] = [];
    const gen = mapOrdered([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 2, work, 4);
    const consume = (async () => {
      for await (const r of gen) out.push(r);
    })();
    await drain();
    expect(started).toEqual([0, 1]);
    // finish 1 before 0: 2 starts, nothing is yielded yet
    release[1]();
    await drain();
    expect(started).toEqual([0, 1, 2]);
    expect(out).toEqual([]);
    release[2]();
    await drain();
    release[3]();
    await drain();
    // 0 still running, 1–3 done and waiting for it: the lookahead of 4 is reached, nothing more starts
    expect(started).toEqual([0, 1, 2, 3]);
    release[0]();
    await drain();
    expect(out).toEqual([0, 10, 20, 30]);
    for (let k = 4; k < 10; k++) {
      await drain();
      release[k]();
    }
    await consume;
    expect(out).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(most).toBe(2);
  });
});

describe('runFiles', () => {
  it('outcomes in input order: unmatched inputs first, then each file, a failure as an outcome', async () => {
    const dir = workspace({ 'a.txt': cleanPlan, 'b.txt': 'x', 'c.txt': cleanPlan });
    const extract = async (file: string): Promise<Analysis> => {
      if (file.endsWith('b.txt')) throw new InputError(file, 'not a plan text');
      return extractText(cleanPlan, { path: file, sha256: '', encoding: 'utf-8', format: 'txt' });
    };
    const outcomes: Outcome[] = [];
    const progress: string[] = [];
    for await (const o of runFiles([dir, 'nothing/*.txt'], { cwd: dir, extract, jobs: 2, onProgress: (d, t) => progress.push(`${d}/${t}`) })) outcomes.push(o);
    expect(outcomes.map((o) => (o.ok ? `ok ${o.file}` : `${o.problem.kind} ${o.problem.file}: ${o.problem.message}`))).toEqual([
      'input nothing/*.txt: no plan files match this pattern',
      'ok a.txt',
      'input b.txt: not a plan text',
      'ok c.txt',
    ]);
    expect(progress).toEqual(['0/3', '1/3', '2/3', '3/3']);
  });
});

describe('problems, by class', () => {
  const cwd = '/work/plans';
  it.each([
    [new InputError('x', 'binary data, not a plan text'), 'input', 'a.txt', 'binary data, not a plan text'],
    [new ConfigError(path.join(cwd, '.planlintrc.yaml'), 'rules.x: unknown rule'), 'config', '.planlintrc.yaml', 'rules.x: unknown rule'],
    [new OutputError('out.json', 'cannot write (ENOENT)'), 'output', 'a.txt', 'cannot write (ENOENT)'],
    [Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', syscall: 'open' }), 'input', 'a.txt', 'cannot read (EACCES)'],
    [new GrammarError('grammars/owners.yaml: labels.0.pattern: not a valid regular expression'), 'config', 'grammars/owners.yaml', 'labels.0.pattern: not a valid regular expression'],
    [new RangeError('Maximum call stack size exceeded\n    at f (x.js:1:1)'), 'internal', 'a.txt', 'internal error: Maximum call stack size exceeded'],
    [Object.assign(new Error('looks like one'), { name: 'InputError' }), 'internal', 'a.txt', 'internal error: looks like one'],
  ])('%s', (e, kind, file, message) => {
    expect(problemOf(e, 'a.txt', cwd)).toEqual({ kind, file, message });
  });
});

describe('defaultJobs', () => {
  it('one thread up to two cores (measured: a second is slower there), then cores − 1, at most 4', () => {
    expect([1, 2, 3, 4, 8, 16].map((c) => defaultJobs(c))).toEqual([1, 1, 2, 3, 4, 4]);
  });
  it('no more workers than the run has text for', () => {
    const mb = 1024 * 1024;
    expect([1, 4, 5, 9, 13, 100].map((m) => defaultJobs(8, m * mb))).toEqual([1, 1, 2, 3, 4, 4]);
    expect(defaultJobs(2, 1000 * mb)).toBe(1);
  });
});
