// Heavy runs, only with STRESS=1 (`STRESS=1 npx vitest run tests/stress`): a 100 MB line, a
// folder of 10 000 files, a 2 MB line of numbered tasks — each in a process of its own with its
// heap capped, peak memory bounded, output valid. The everyday suite has the scaling test instead.
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentSchema } from '../../src/model/schema.js';
import { workspace } from '../helpers/cli.js';
import { spawnPlanLint } from '../helpers/spawn.js';

const MB = 1024 * 1024;
const heap = ['--max-old-space-size=512'];

function writeLine(file: string, unit: string, bytes: number, head = ''): void {
  const chunk = Buffer.from(unit.repeat(Math.ceil(MB / Buffer.byteLength(unit))));
  const fd = openSync(file, 'w');
  writeSync(fd, head);
  for (let written = 0; written < bytes; written += chunk.length) writeSync(fd, chunk);
  closeSync(fd);
}

describe('one 100 MB line', { timeout: 600_000 }, () => {
  const dir = workspace();
  const file = path.join(dir, 'line-100mb.txt');
  writeLine(file, '各部门要进一步完善应急预案体系建设，提高基层应急处置能力和水平，', 100 * MB);

  it('check: exit 0 or 1, peak memory under 1 GB', async () => {
    const r = await spawnPlanLint(['check', file, '--format', 'json'], { node: heap });
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.status);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
    expect(r.rssMB!).toBeLessThan(1024);
  });

  it('extract -o: the whole model written atomically, peak memory under 1 GB', async () => {
    const out = path.join(dir, 'out', 'huge.json');
    mkdirSync(path.dirname(out));
    const r = await spawnPlanLint(['extract', file, '--format', 'json', '-o', out], { node: heap });
    expect(r.status, r.stderr).toBe(0);
    expect(r.rssMB!).toBeLessThan(1024);
    DocumentSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(readdirSync(path.dirname(out))).toEqual(['huge.json']);
  });
});

describe('many files, many tasks', { timeout: 600_000 }, () => {
  it('a folder of 10 000 small files: every file reported in order, memory bounded', async () => {
    const dir = workspace();
    const tiny = (i: number) => `某区${2000 + (i % 30)}年应急管理工作要点\n一、重点任务\n（一）完善第${i}号预案。（责任单位：区应急管理局）\n（二）开展演练${i % 7}次${i % 13 === 0 ? '，XX待定' : ''}。\n`;
    for (let d = 0; d < 100; d++) {
      mkdirSync(path.join(dir, 'corpus', `d${String(d).padStart(2, '0')}`), { recursive: true });
      for (let f = 0; f < 100; f++) writeFileSync(path.join(dir, 'corpus', `d${String(d).padStart(2, '0')}`, `p${String(f).padStart(2, '0')}.txt`), tiny(d * 100 + f));
    }
    const out = path.join(dir, 'corpus.json');
    const r = await spawnPlanLint(['check', 'corpus', '--format', 'json', '-o', out], { cwd: dir, node: heap });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.rssMB!).toBeLessThan(600);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(report).toHaveLength(10_000);
    expect(report.map((f) => f.filePath)).toEqual([...report.map((f) => f.filePath)].sort());
    expect(report.filter((f) => f.messages.some((m) => m.ruleId === 'placeholder-text')).length).toBe(Math.ceil(10_000 / 13));
    rmSync(out);
  });

  it('one 2 MB line of numbered tasks (positions in constant time per span)', async () => {
    const file = path.join(workspace(), 'line-tasks.txt');
    writeLine(file, '（一）完善应急预案体系，到2025年底前修订预案（责任单位：区应急管理局）', 2 * MB);
    const r = await spawnPlanLint(['check', file, '--format', 'json'], { node: heap });
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.status);
  });
});
