// Linear in the size of the input: one 16 MB line costs no more than about four times one 4 MB
// line, in CPU time and in peak memory, each measured by the child process itself. Quadratic
// behaviour (a rescan per span, a copy per piece) makes the ratio 16; a ratio is immune to how
// fast or busy the machine is. The 100 MB runs are in tests/stress (STRESS=1).
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers/cli.js';
import { spawnPlanLint } from '../helpers/spawn.js';

const MB = 1024 * 1024;

/** `unit` repeated to `bytes`, with no line break. */
function writeLine(file: string, unit: string, bytes: number): void {
  const chunk = Buffer.from(unit.repeat(Math.ceil(MB / Buffer.byteLength(unit))));
  const fd = openSync(file, 'w');
  for (let written = 0; written < bytes; written += chunk.length) writeSync(fd, chunk);
  closeSync(fd);
}

describe('one long line, 4 MB and 16 MB', () => {
  it('check: CPU time and peak memory grow linearly', async () => {
    const dir = workspace();
    const prose = '各部门要进一步完善应急预案体系建设，提高基层应急处置能力和水平，';
    const small = path.join(dir, 'line-4mb.txt');
    const large = path.join(dir, 'line-16mb.txt');
    writeLine(small, prose, 4 * MB);
    writeLine(large, prose, 16 * MB);
    const a = await spawnPlanLint(['check', small, '--format', 'json']);
    const b = await spawnPlanLint(['check', large, '--format', 'json']);
    for (const r of [a, b]) {
      expect(r.stderr).toBe('');
      expect([0, 1]).toContain(r.status);
      expect(JSON.parse(r.stdout)).toHaveLength(1);
    }
    const cpu = b.cpuSeconds! / a.cpuSeconds!;
    const rss = b.rssMB! / a.rssMB!;
    console.log(`4 MB: ${a.cpuSeconds!.toFixed(2)} s CPU, ${a.rssMB!.toFixed(0)} MB; 16 MB: ${b.cpuSeconds!.toFixed(2)} s CPU, ${b.rssMB!.toFixed(0)} MB; ratios ${cpu.toFixed(2)}, ${rss.toFixed(2)}`);
    expect(cpu).toBeLessThan(8);
    expect(rss).toBeLessThan(6);
  });
});
