// Reading the next file ahead (src/ingest/read-bytes.ts prefetchBytes, used by the runner in
// this thread): the same bytes as a read at the file's turn, nothing read ahead that could fail
// or block, and the same outcomes, in the same order, as a run that reads each file itself.
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prefetchBytes, readBytes } from '../../src/ingest/read-bytes.js';
import { extractPath } from '../../src/pipeline.js';
import { configSource } from '../../src/run/config.js';
import { runFiles, type Outcome } from '../../src/run/run-files.js';
import { cleanPlan, seed, workspace } from '../helpers/cli.js';

describe('prefetchBytes', () => {
  it('reads a regular file ahead: readBytes takes the same bytes a read at its turn gives', async () => {
    const p = prefetchBytes(seed.district);
    expect(p).not.toBeNull();
    const ahead = await p!.bytes;
    expect(Buffer.compare(ahead!, readFileSync(seed.district))).toBe(0);
    // readBytes hands back the bytes read ahead, not a read of its own
    expect(await readBytes(seed.district, undefined, p)).toBe(ahead);
  });

  it('reads nothing ahead that readBytes must report or must not touch: stdin, missing, folders, empty files', () => {
    const dir = workspace({ 'empty.txt': '', 'sub/a.txt': cleanPlan });
    expect(prefetchBytes('-')).toBeNull();
    expect(prefetchBytes(path.join(dir, 'missing.txt'))).toBeNull();
    expect(prefetchBytes(path.join(dir, 'sub'))).toBeNull();
    expect(prefetchBytes(path.join(dir, 'empty.txt'))).toBeNull();
  });

  it('a file changed after it was read ahead is read again at its turn', async () => {
    const dir = workspace({ 'a.txt': cleanPlan });
    const file = path.join(dir, 'a.txt');
    const p = prefetchBytes(file)!;
    await p.bytes;
    writeFileSync(file, cleanPlan + '\n补充一行。\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(Buffer.from(await readBytes(file, undefined, p)).toString('utf8')).toBe(cleanPlan + '\n补充一行。\n');
    // and a read ahead of another file is not taken for this one
    const other = prefetchBytes(seed.district)!;
    expect(Buffer.from(await readBytes(file, undefined, other)).toString('utf8')).toBe(cleanPlan + '\n补充一行。\n');
  });
});

describe('the runner reads the next file ahead', () => {
  const shape = (o: Outcome) =>
    o.ok === true ? `ok ${o.file} ${o.analysis!.source.sha256} ${o.messages!.length}` : o.ok === 'skipped' ? `skipped ${o.file}` : `${o.problem.kind} ${o.problem.file}: ${o.problem.message}`;

  it('the same outcomes in the same order as a run reading each file at its turn, files changed or removed meanwhile too', async () => {
    const run = async (readAhead: boolean) => {
      const dir = workspace({ 'a.txt': cleanPlan, 'b.txt': readFileSync(seed.district), 'c.txt': cleanPlan, 'd.txt': cleanPlan, 'empty.txt': '', 'e.txt': readFileSync(seed.city), 'sub/f.txt': cleanPlan });
      mkdirSync(path.join(dir, 'sub', 'g'));
      const inputs = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'empty.txt', 'e.txt', 'e.txt', 'sub'].map((f) => path.join(dir, f));
      const outcomes: string[] = [];
      // the pipeline given as `extract`: the runner reads nothing ahead
      const opts = { cwd: dir, config: configSource({}, dir), jobs: 1, keep: 'analysis' as const, ...(readAhead ? {} : { extract: extractPath }) };
      for await (const o of runFiles(inputs, opts)) {
        outcomes.push(shape(o));
        // c.txt and d.txt are being read ahead (or about to be) while a.txt and b.txt are handed back
        if (o.file === 'a.txt') rmSync(path.join(dir, 'c.txt'));
        if (o.file === 'b.txt') writeFileSync(path.join(dir, 'd.txt'), readFileSync(seed.city));
      }
      return outcomes;
    };
    const ahead = await run(true);
    expect(ahead).toEqual(await run(false));
    expect(ahead.filter((o) => o.startsWith('ok '))).toHaveLength(5);
    expect(ahead.filter((o) => o.startsWith('input '))).toEqual(['input c.txt: no such file', 'input empty.txt: empty file, not a plan text']);
  });

  it('a run left early leaves nothing behind (no read ahead fails unheard)', async () => {
    const dir = workspace({ 'a.txt': cleanPlan, 'b.txt': cleanPlan });
    const rejections: unknown[] = [];
    const onRejection = (e: unknown) => rejections.push(e);
    process.on('unhandledRejection', onRejection);
    try {
      for await (const o of runFiles([path.join(dir, 'a.txt'), path.join(dir, 'b.txt')], { cwd: dir, config: configSource({}, dir), jobs: 1 })) {
        expect(o.ok).toBe(true);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('unhandledRejection', onRejection);
    }
    expect(rejections).toEqual([]);
  });
});
