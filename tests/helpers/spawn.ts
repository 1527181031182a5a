// Running the built CLI (bin/plan-lint.js) as a separate process, as a user does, for the few
// cases that need a process of their own: exit codes seen by a shell, signals, pipes, and
// resource use (peak memory, CPU time) measured by the child itself.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repo } from './cli.js';

export const bin = path.join(repo, 'bin', 'plan-lint.js');

export interface Spawned {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** peak resident set size (MB) and CPU time (user + system, seconds) of the child; null if it died before reporting */
  rssMB: number | null;
  cpuSeconds: number | null;
}

let wrapper: string | null = null;

/** A module that runs the CLI in its process and writes its resource use to $PLAN_LINT_USAGE_FILE at exit. */
function usageWrapper(): string {
  if (wrapper) return wrapper;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-lint-wrapper-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  wrapper = path.join(dir, 'usage-wrapper.mjs');
  writeFileSync(
    wrapper,
    [
      "import { writeFileSync } from 'node:fs';",
      "process.on('exit', () => { const u = process.resourceUsage(); if (process.env.PLAN_LINT_USAGE_FILE) writeFileSync(process.env.PLAN_LINT_USAGE_FILE, JSON.stringify({ maxRSS: u.maxRSS, cpu: u.userCPUTime + u.systemCPUTime })); });",
      `await import(${JSON.stringify(pathToFileURL(bin).href)});`,
    ].join('\n'),
  );
  return wrapper;
}

export interface SpawnOptions {
  cwd?: string;
  input?: string | Buffer;
  env?: Record<string, string | undefined>;
  /** extra node flags (--max-old-space-size=…) */
  node?: string[];
}

/** `plan-lint <args…>` in a child process; resolves when it exits. */
export async function spawnPlanLint(args: string[], opts: SpawnOptions = {}): Promise<Spawned> {
  if (!existsSync(path.join(repo, 'dist', 'bundle', 'plan-lint.cjs'))) throw new Error('dist/ is missing: run `npm run build` (npm test does) first');
  const usageFile = path.join(os.tmpdir(), `plan-lint-usage-${process.pid}-${process.hrtime.bigint()}.json`);
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, PLAN_LINT_DEBUG: undefined, PLAN_LINT_USAGE_FILE: usageFile, ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const child = spawn(process.execPath, [...(opts.node ?? []), usageWrapper(), ...args], { cwd: opts.cwd ?? repo, env: env as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => out.push(d));
  child.stderr.on('data', (d: Buffer) => err.push(d));
  child.stdin.on('error', () => {}); // a child that exits before reading its input
  child.stdin.end(opts.input ?? '');
  const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, sig) => resolve([code, sig]));
  });
  let rssMB: number | null = null;
  let cpuSeconds: number | null = null;
  if (existsSync(usageFile)) {
    const u = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRSS: number; cpu: number };
    rssMB = u.maxRSS / 1024;
    cpuSeconds = u.cpu / 1e6;
    rmSync(usageFile);
  }
  return { status, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), rssMB, cpuSeconds };
}
