// Runs the built CLI (`npm run build` first) as a user would: a spawned process.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const seeds = path.join(repo, 'fixtures', 'seeds');
export const seed = {
  '000': path.join(seeds, 'district-emergency-plan-2021-2025.txt'),
  '001': path.join(seeds, 'city-emergency-plan-placeholders.txt'),
  '002': path.join(seeds, 'county-emergency-system-plan-chapters.txt'),
  '003': path.join(seeds, 'district-work-points-2020.txt'),
  '004': path.join(seeds, 'resort-three-plans-notice.txt'),
};
const bin = path.join(repo, 'bin', 'plan-lint.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function planLint(args: string[], opts: { cwd?: string; input?: string | Buffer; env?: Record<string, string | undefined> } = {}): Run {
  if (!existsSync(path.join(repo, 'dist', 'cli', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` before these tests');
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: opts.cwd ?? repo,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: env as NodeJS.ProcessEnv,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
