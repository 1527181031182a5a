// Spawns `export` and `diff` as a user would. `planLintCmd` uses a program built from the two
// register functions (tests/export/program.mjs), so these suites do not depend on how
// src/cli/index.ts is wired; `planLint` (tests/cli/run.ts) is the real bin/plan-lint.js.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const program = path.join(repo, 'tests', 'export', 'program.mjs');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout as bytes (a BOM stays visible) */
  bytes: Buffer;
}

export function planLintCmd(args: string[], opts: { cwd?: string; input?: string } = {}): Run {
  if (!existsSync(path.join(repo, 'dist', 'cli', 'export.js'))) throw new Error('dist/ is missing: run `npm run build` before these tests');
  const r = spawnSync(process.execPath, [program, ...args], { cwd: opts.cwd ?? repo, input: opts.input ?? '', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), bytes: r.stdout };
}

export const scratch = () => mkdtempSync(path.join(tmpdir(), 'plan-lint-export-'));
export const fixture = (...p: string[]) => path.join(repo, 'fixtures', ...p);
