// Running plan-lint in-process, as a user would from a shell but without spawning: the real
// argument parsing and commands (src/cli/program.ts) with IO the test captures.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/program.js';
import type { RunIO } from '../../src/run/io.js';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixture = (...p: string[]) => path.join(repo, 'fixtures', ...p);
export const seedsDir = fixture('seeds');
export const seed = {
  district: fixture('seeds', 'district-emergency-plan-2021-2025.txt'),
  city: fixture('seeds', 'city-emergency-plan-placeholders.txt'),
  county: fixture('seeds', 'county-emergency-system-plan-chapters.txt'),
  workPoints: fixture('seeds', 'district-work-points-2020.txt'),
  resort: fixture('seeds', 'resort-three-plans-notice.txt'),
};

export interface Captured {
  io: RunIO;
  stdout: () => string;
  stderr: () => string;
}

export interface IOOptions {
  cwd?: string;
  stdin?: string | Uint8Array;
  env?: Record<string, string | undefined>;
  isTTY?: boolean;
  stderrIsTTY?: boolean;
}

/** IO that collects what a command writes. */
export function captureIO(opts: IOOptions = {}): Captured {
  let out = '';
  let err = '';
  const stdin = typeof opts.stdin === 'string' ? Buffer.from(opts.stdin) : (opts.stdin ?? new Uint8Array());
  return {
    io: {
      cwd: opts.cwd ?? repo,
      env: opts.env ?? {},
      stdout: (s) => void (out += s),
      stderr: (s) => void (err += s),
      stdin: async () => stdin,
      isTTY: opts.isTTY ?? false,
      stderrIsTTY: opts.stderrIsTTY ?? false,
    },
    stdout: () => out,
    stderr: () => err,
  };
}

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** `plan-lint <args…>` in this process. */
export async function planLint(args: string[], opts: IOOptions = {}): Promise<Run> {
  const c = captureIO(opts);
  const status = await runCli(args, c.io);
  return { status, stdout: c.stdout(), stderr: c.stderr() };
}

const made: string[] = [];

/** Removes every folder workspace() made (tests/setup.ts calls it after each test file). */
export function removeWorkspaces(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A temporary folder holding `files`, removed after the test file. */
export function workspace(files: Record<string, string | Uint8Array> = {}): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'plan-lint-test-'));
  made.push(root);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), content);
  }
  return root;
}

/** A small clean plan (the rules' documentation example): no diagnostics by default. */
export const cleanPlan = [
  '示范区应急管理“十四五”规划(2021—2025年)',
  '',
  '一、发展目标',
  '到2025年，应急管理体系和能力现代化取得重大进展。',
  '',
  '二、主要任务',
  '(一)健全应急指挥体系。完善区应急指挥部运行机制。(责任单位:区应急管理局)',
  '(二)加强监测预警。建设综合监测预警平台。(责任单位:区应急管理局、区气象局)',
  '',
  '三、保障措施',
  '(一)加强组织领导。各部门要把规划实施摆在重要位置。',
  '',
].join('\n');
