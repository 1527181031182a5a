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
  it('is written by the first run of a command and read by the next; a damaged one is replaced; none where it cannot be written; no output changes', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-lint-cache-'));
    const env = { PLAN_LINT_CACHE_DIR: dir };
    const first = await spawnPlanLint(args, { env });
    expect(first.stdout).toMatch(/task-missing-deadline/);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^[0-9a-f]{16}-node${process.version.slice(1)}-${process.arch}-check\\.v8cache$`));
    const file = path.join(dir, files[0]);
    const written = statSync(file).mtimeMs;
    const same = { status: first.status, stdout: first.stdout, stderr: first.stderr };
    expect(await spawnPlanLint(args, { env })).toMatchObject(same);
    // accepted, so not written again
    expect(statSync(file).mtimeMs).toBe(written);
    // another command has a cache of its own
    await spawnPlanLint(['--version'], { env });
    expect(readdirSync(dir).sort()).toEqual([files[0], files[0].replace('-check.', '-other.')].sort());
    // damaged: V8 rejects it, the run is the same and writes it again
    writeFileSync(file, 'not a code cache');
    expect(await spawnPlanLint(args, { env })).toMatchObject(same);
    expect(statSync(file).size).toBeGreaterThan(100_000);
    // a file where the folder should be: mkdir fails (also for root, unlike a read-only folder)
    expect(await spawnPlanLint(args, { env: { PLAN_LINT_CACHE_DIR: path.join(file, 'sub') } })).toMatchObject(same);
  });
});
