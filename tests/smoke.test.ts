// A handful of end-to-end runs of the built binary in processes of their own: what only a real
// process shows (exit codes as a shell sees them, worker threads from the bundle, a FIFO, a kill
// in the middle of writing). Everything else runs in-process (tests/helpers/cli.ts).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, openSync, promises as fsp, readdirSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
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
    expect(usage.stderr).toMatch(/^plan-lint: 未知选项“--no-such-flag”\n/);
    noStack(usage.stderr);
    const help = await spawnPlanLint(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^用法：\s*plan-lint \[选项\] \[命令\]/);
  });

  it('a bad input: exit 2, one line naming the file, no stack trace; stdin is read for -', async () => {
    const dir = workspace({ 'bin.txt': Buffer.from([0, 1, 2, 3, 0, 255, 0, 7, 0, 0]) });
    const r = await spawnPlanLint(['extract', 'bin.txt'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('plan-lint: bin.txt: 二进制数据，不是规划文本\n');
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

  it('stdout and stderr in one pipe (2>&1, as in CI logs), read slowly: every line arrives whole', async () => {
    // work points whose 200 items each hold placeholders: much output; binary files between them:
    // lines on stderr while stdout is still being written into a full pipe
    const item = (i: number) => `${i}.完善第${i}项XX工作机制，建成XX个站点。（责任单位：区应急管理局）`;
    const plan = ['某区2024年应急管理工作要点', '一、重点任务', ...Array.from({ length: 150 }, (_, i) => item(i + 1)), ''].join('\n');
    const files: Record<string, string | Buffer> = {};
    for (let k = 0; k < 5; k++) {
      files[`p${k}.txt`] = plan;
      files[`p${k}b.txt`] = Buffer.from([0, 1, 2, 3, 0, 0, 0, 7]);
    }
    const dir = workspace(files);
    const fifo = path.join(dir, 'log.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const rd = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const wr = openSync(fifo, 'w');
    const child = spawn(process.execPath, [bin, 'check', '-f', 'github', '.'], { cwd: dir, stdio: ['ignore', wr, wr], env: { ...process.env, NO_COLOR: '1' } });
    closeSync(wr);
    let exited = false;
    child.on('exit', () => (exited = true));
    const chunks: Buffer[] = [];
    const buf = Buffer.alloc(700);
    // a slow reader keeps the pipe nearly full, so that writes are often finished later
    for (;;) {
      let n = 0;
      try {
        n = readSync(rd, buf, 0, buf.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      }
      if (n > 0) chunks.push(Buffer.from(buf.subarray(0, n)));
      else if (exited) break;
      await new Promise((r) => setTimeout(r, n > 0 ? 0 : 2));
    }
    closeSync(rd);
    const lines = Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean);
    const annotations = lines.filter((l) => l.startsWith('::'));
    const errors = lines.filter((l) => l.startsWith('plan-lint: '));
    expect(errors).toHaveLength(5);
    expect(annotations.length).toBe(lines.length - 5);
    for (const l of annotations) expect(l).toMatch(/^::(?:warning|error) file=p\d\.txt,line=\d+,col=\d+,title=[a-z-]+::[^:]+$/);
    for (const l of errors) expect(l).toMatch(/^plan-lint: p\db\.txt: 二进制数据，不是规划文本$/);
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
