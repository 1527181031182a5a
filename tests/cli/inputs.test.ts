// What a run takes in: .planlintignore and --ignore-pattern, files that are no plan set aside
// when a folder is walked (conservatively: the repository's README is set aside, every plan
// fixture is still linted), and --print-config.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/lint/rules/index.js';
import { runFiles, type Outcome } from '../../src/run/run-files.js';
import { cleanPlan, planLint, repo, workspace } from '../helpers/cli.js';

async function outcomes(inputs: string[], cwd: string): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for await (const o of runFiles(inputs, { cwd, keep: 'analysis', jobs: 1 })) out.push(o);
  return out;
}

describe('files that are no plan', () => {
  it('the READMEs and notes of this repository are set aside; the plans beside them are not', async () => {
    const copy = (rel: string) => readFileSync(path.join(repo, rel));
    // the repository's own notes, and a real plan whose title the reader cannot find (corpus 03)
    const cwd = workspace({
      'README.md': copy('README.md'),
      'corpus/README.md': copy('fixtures/corpus/README.md'),
      'corpus/03-moa-2017-fishery-work-points.txt': copy('fixtures/corpus/03-moa-2017-fishery-work-points.txt'),
      'revisions/README.md': copy('fixtures/revisions/README.md'),
      'gold/FORMAT.md': copy('fixtures/gold/FORMAT.md'),
    });
    const got = await outcomes(['.', path.join(repo, 'fixtures/md')], cwd);
    expect(got.filter((o) => o.ok === 'skipped').map((o) => o.file)).toEqual(['README.md', 'corpus/README.md', 'gold/FORMAT.md', 'revisions/README.md']);
    expect(got.filter((o) => o.ok === false)).toEqual([]);
    // every plan is still linted: the untitled one, and the Markdown renditions of the seeds
    const linted = got.filter((o) => o.ok === true).map((o) => path.basename(o.file));
    expect(linted).toEqual(['03-moa-2017-fishery-work-points.txt', ...readdirSync(path.join(repo, 'fixtures/md')).sort()]);
  });

  it('the seeds are plans wherever they are found', async () => {
    const got = await outcomes(['fixtures/seeds'], repo);
    expect(got.map((o) => o.ok)).toEqual([true, true, true, true, true]);
  });
});

describe('.planlintignore', () => {
  it('a file named on the command line but ignored is left out with a note (--quiet: silently)', async () => {
    const cwd = workspace({ '.planlintignore': '# drafts\n*.draft.txt\n', 'a.draft.txt': cleanPlan.replace('区气象局', 'XX局') });
    const r = await planLint(['check', 'a.draft.txt'], { cwd });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('plan-lint: a.draft.txt: 已按忽略规则（.planlintignore 或 --ignore-pattern）跳过；使用 --no-ignore 可检查它\n');
    expect((await planLint(['check', '--quiet', 'a.draft.txt'], { cwd })).stderr).toBe('');
    expect((await planLint(['check', '--no-ignore', 'a.draft.txt'], { cwd })).status).toBe(1);
  });

  it('applies to report and export too', async () => {
    const cwd = workspace({ '.planlintignore': 'old/\n', 'old/a.txt': cleanPlan, 'b.txt': cleanPlan });
    const r = await planLint(['export', '.', '--what', 'tasks', '--format', 'jsonl'], { cwd });
    const files = new Set(r.stdout.trim().split('\n').map((l) => JSON.parse(l).file));
    expect([...files]).toEqual(['b.txt']);
  });
});

describe('--print-config', () => {
  it('prints every rule as it applies to the file: extends and overrides merged, --rule over them', async () => {
    const cwd = workspace({
      'base.yaml': 'rules:\n  garbled-text: off\n',
      'plans/.planlintrc.yaml': 'extends: ../base.yaml\noverrides:\n  - files: ["*要点*"]\n    rules: { task-missing-deadline: error }\n',
      'plans/2024年工作要点.txt': cleanPlan,
    });
    const r = await planLint(['check', '--print-config', 'plans/2024年工作要点.txt', '--rule', 'placeholder-text=warn'], { cwd });
    expect(r.status).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect(printed.configFile).toBe('plans/.planlintrc.yaml');
    expect(printed.sources).toEqual(['base.yaml', 'plans/.planlintrc.yaml']);
    expect(printed.rules['garbled-text']).toEqual({ severity: 'off' });
    expect(printed.rules['task-missing-deadline']).toEqual({ severity: 'error' });
    expect(printed.rules['placeholder-text']).toEqual({ severity: 'warn' });
    expect(printed.rules['heading-sequence']).toEqual({ severity: 'warn', options: { runOn: ['box', 'arabic-dot', 'padded'] } });
    expect(printed.rules['indicator-missing-nature']).toEqual({ severity: 'warn' });
    expect(Object.keys(printed.rules)).toEqual(rules.map((x) => x.id));
    expect((await planLint(['check', '--print-config', 'x.txt', 'y.txt'], { cwd })).status).toBe(2);
  });
});

describe('no paths', () => {
  it('check with no path is a usage error', async () => {
    const r = await planLint(['check']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('plan-lint: 缺少必需的参数 <paths...>\n');
  });
});
