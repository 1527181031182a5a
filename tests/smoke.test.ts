// A handful of end-to-end runs of the built binary in processes of their own: what only a real
// process shows (exit codes as a shell sees them, worker threads from the bundle, a FIFO, a kill
// in the middle of writing). Everything else runs in-process (tests/helpers/cli.ts).
import { spawn, spawnSync } from 'node:child_process';
import { promises as fsp, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentSchema } from '../src/model/schema.js';
import { seed, workspace } from './helpers/cli.js';
import { bin, spawnPlanLint } from './helpers/spawn.js';

const noStack = (stderr: string) => expect(stderr).not.toMatch(/^\s+at .+[:(]/m);

describe('the binary', () => {
  it('exit codes: 1 for lint errors, 2 for a usage error, 0 for --help', async () => {
    const errors = await spawnPlanLint(['check', '--format', 'compact', seed.city]);
    expect(errors.status).toBe(1);
    expect(errors.stdout).toMatch(/: error placeholder-text /);
    const usage = await spawnPlanLint(['check', '--no-such-flag', seed.city]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/unknown option '--no-such-flag'/);
    noStack(usage.stderr);
    const help = await spawnPlanLint(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: plan-lint');
  });

  it('a bad input: exit 2, one line naming the file, no stack trace; stdin is read for -', async () => {
    const dir = workspace({ 'bin.txt': Buffer.from([0, 1, 2, 3, 0, 255, 0, 7, 0, 0]) });
    const r = await spawnPlanLint(['extract', 'bin.txt'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('plan-lint: bin.txt: binary data, not a plan text\n');
    const piped = await spawnPlanLint(['extract', '-', '--format', 'json'], { input: readFileSync(seed.workPoints) });
    expect(piped.status).toBe(0);
    expect(DocumentSchema.parse(JSON.parse(piped.stdout)).source.path).toBe('<stdin>');
  });

  it('check -j 2 (worker threads of the bundle) reports as -j 1 does', async () => {
    const small = (i: number) => `某区${2000 + i}年应急管理工作要点\n一、重点任务\n（一）完善第${i}号预案${i % 3 ? '' : '，XX待定'}。（责任单位：区应急管理局）\n（二）开展演练。\n`;
    const dir = workspace({ 'p0.txt': readFileSync(seed.workPoints), ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`p${i + 1}.txt`, small(i)])) });
    const one = await spawnPlanLint(['check', '.', '--format', 'compact', '-j', '1'], { cwd: dir });
    const two = await spawnPlanLint(['check', '.', '--format', 'compact', '-j', '2'], { cwd: dir });
    expect(two.stderr).toBe('');
    expect(two.status).toBe(one.status);
    expect(two.stdout).toBe(one.stdout);
  });

  it('a FIFO named on the command line is read like a pipe', async () => {
    const dir = workspace();
    const fifo = path.join(dir, 'plan.txt');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const [r] = await Promise.all([spawnPlanLint(['check', fifo, '--format', 'json']), fsp.writeFile(fifo, readFileSync(seed.workPoints))]);
    expect([0, 1]).toContain(r.status);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });

  it('killed midway: the target holds the old content or the whole new one, never a part', async () => {
    const dir = workspace({ 'plan.txt': readFileSync(seed.workPoints, 'utf8').repeat(4) });
    const y = path.join(dir, 'out.json');
    const old = '{"old": true}\n';
    // kill at ever later moments (reading, extracting, serializing, writing) until a run
    // completes: whatever the moment, the file is either untouched or complete
    let completed = false;
    let killed = 0;
    for (let delayMs = 80; !completed && delayMs < 60_000; delayMs *= 2) {
      writeFileSync(y, old);
      const child = spawn(process.execPath, [bin, 'extract', 'plan.txt', '--format', 'json', '-o', y], { cwd: dir, stdio: 'ignore' });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      const code = await exited;
      clearTimeout(timer);
      const content = readFileSync(y, 'utf8');
      if (content !== old) DocumentSchema.parse(JSON.parse(content));
      if (code === 0) completed = true;
      else killed++;
      // a temporary file may remain after SIGKILL, but only a dot-file beside the target
      for (const f of readdirSync(dir)) if (f !== 'out.json' && f !== 'plan.txt') expect(f).toMatch(/^\.out\.json\..*\.tmp$/);
      for (const f of readdirSync(dir)) if (f.endsWith('.tmp')) rmSync(path.join(dir, f));
    }
    expect(completed).toBe(true);
    expect(killed, 'no run was killed before it completed: the case tested nothing').toBeGreaterThan(0);
  });
});
