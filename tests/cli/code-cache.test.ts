// bin/plan-lint.js runs the bundle with a V8 code cache (cold start, issue 15): one file per
// build, Node and command, written by the first run of a command and read by the next; a cache
// that is damaged or cannot be written never changes what a run prints.
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seed } from '../helpers/cli.js';
import { spawnPlanLint } from '../helpers/spawn.js';

const args = ['check', '--format', 'compact', seed.workPoints];

describe('the code cache of bin/plan-lint.js', () => {
  it('is written by the first run of a command, read by the next, and changes no output', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-lint-cache-'));
    const env = { PLAN_LINT_CACHE_DIR: dir };
    const first = await spawnPlanLint(args, { env });
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^[0-9a-f]{16}-node${process.version.slice(1)}-${process.arch}-check\\.v8cache$`));
    const written = statSync(path.join(dir, files[0])).mtimeMs;
    const second = await spawnPlanLint(args, { env });
    expect(second).toMatchObject({ status: first.status, stdout: first.stdout, stderr: first.stderr });
    expect(first.stdout).toMatch(/task-missing-deadline/);
    // accepted, so not written again
    expect(statSync(path.join(dir, files[0])).mtimeMs).toBe(written);
    // another command has a cache of its own
    await spawnPlanLint(['--version'], { env });
    expect(readdirSync(dir).sort()).toEqual([files[0], files[0].replace('-check.', '-other.')].sort());
  });

  it('a damaged cache is replaced; a folder that cannot be made means no cache, same output', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-lint-cache-'));
    const first = await spawnPlanLint(args, { env: { PLAN_LINT_CACHE_DIR: dir } });
    const [file] = readdirSync(dir);
    writeFileSync(path.join(dir, file), 'not a code cache');
    const damaged = await spawnPlanLint(args, { env: { PLAN_LINT_CACHE_DIR: dir } });
    expect(damaged).toMatchObject({ status: first.status, stdout: first.stdout, stderr: first.stderr });
    expect(statSync(path.join(dir, file)).size).toBeGreaterThan(100_000);
    // a file where the folder should be: mkdir fails (also for root, unlike a read-only folder)
    const none = await spawnPlanLint(args, { env: { PLAN_LINT_CACHE_DIR: path.join(dir, file, 'sub') } });
    expect(none).toMatchObject({ status: first.status, stdout: first.stdout, stderr: '' });
  });
});
