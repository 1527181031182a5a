// Standard output and standard error written one after the other (src/run/io.ts): with both in one
// pipe (`2>&1`, a CI log) a write to a full pipe is finished later by the event loop, and a line
// to stderr must not land in the middle of what stdout is still writing. Here the "pipe" is two
// streams whose writes finish only when the test says so.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { orderedWriter } from '../../src/run/io.js';

/** Two streams into one log, each write finishing only when release() is called. */
function slowPipe() {
  const log: string[] = [];
  const pending: (() => void)[] = [];
  const stream = (name: string) =>
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        log.push(`${name}:${chunk.toString()}`);
        pending.push(cb);
      },
    });
  return { log, out: stream('out'), err: stream('err'), release: () => pending.splice(0).forEach((cb) => cb()) };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('orderedWriter', () => {
  it('a stderr line waits until the stdout write before it is handed over whole', async () => {
    const p = slowPipe();
    const w = orderedWriter(p.out, p.err);
    const first = w.stdout('::warning file=a.txt,line=1::一\n::warning file=a.txt,line=2::二\n');
    w.stderr('plan-lint: b.txt: 二进制数据，不是规划文本\n');
    const second = w.stdout('::warning file=c.txt,line=1::三\n');
    await tick();
    // only the first write has started: the others wait for it
    expect(p.log).toEqual(['out:::warning file=a.txt,line=1::一\n::warning file=a.txt,line=2::二\n']);
    p.release();
    await first;
    await tick();
    expect(p.log.length).toBe(2);
    expect(p.log[1]).toBe('err:plan-lint: b.txt: 二进制数据，不是规划文本\n');
    p.release();
    await tick();
    p.release();
    await second;
    expect(p.log.map((l) => l.slice(0, 4))).toEqual(['out:', 'err:', 'out:']);
  });

  it('a failed write does not stop the ones after it', async () => {
    const err = new Writable({ write: (_c, _e, cb) => cb() });
    const out = new Writable({ write: (_c, _e, cb) => cb(new Error('EPIPE')) });
    out.on('error', () => {});
    const w = orderedWriter(out, err);
    await expect(w.stdout('x\n')).rejects.toThrow('EPIPE');
    let wrote = false;
    const err2 = new Writable({ write: (_c, _e, cb) => ((wrote = true), cb()) });
    const w2 = orderedWriter(out, err2);
    await w2.stdout('y\n').catch(() => {});
    w2.stderr('z\n');
    await tick();
    expect(wrote).toBe(true);
  });
});

describe('an output file written in many pieces', () => {
  it('waits on a full buffer without piling up listeners (no MaxListenersExceededWarning), and holds every piece', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { openOutput } = await import('../../src/run/output.js');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-lint-io-'));
    const file = path.join(dir, 'out.jsonl');
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const io = { cwd: dir, env: {}, stdout: async () => {}, stderr: () => {}, stdin: async () => new Uint8Array(), isTTY: false, stderrIsTTY: false };
      const out = await openOutput(file, io);
      // each piece is twice the stream's 16 KB buffer: every write waits for a drain
      const piece = '规'.repeat(32 * 1024) + '\n';
      for (let i = 0; i < 30; i++) await out.write(piece);
      await out.close();
      await tick();
      expect(readFileSync(file, 'utf8').length).toBe(30 * piece.length);
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
