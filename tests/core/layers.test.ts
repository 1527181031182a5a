// The pipeline's stages as layers: a module may import its own stage and the stages below it,
// never one above (ingest → normalize → outline → extract → analysis → lint/diff/export →
// report/config → run → cli). The model's types are the shared vocabulary: `import type` of
// src/model is allowed from anywhere. Read from the sources, so a new import that breaks the
// order fails here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo } from '../helpers/cli.js';

const src = path.join(repo, 'src');

/** The stage of each top-level folder (or file) of src/, lowest first. */
const rank: Record<string, number> = {
  util: 0,
  grammars: 0,
  normalize: 1,
  ingest: 2,
  model: 3,
  outline: 4,
  extract: 5,
  analysis: 6,
  'pipeline.ts': 6,
  lint: 7,
  diff: 7,
  export: 7,
  report: 8,
  config: 8,
  run: 9,
  cli: 10,
  // the accuracy harness scores the whole pipeline (npm run accuracy)
  accuracy: 10,
};

/** Entry points that tie the stages together on purpose (the build's grammar validation). */
const exempt = new Set(['grammars/build-cache.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

const stageOf = (file: string) => path.relative(src, file).split(path.sep)[0];

interface Import {
  from: string;
  to: string;
  typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const out: Import[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/gm;
  for (const m of text.matchAll(re)) {
    const spec = m[3] ?? m[4];
    const target = path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts');
    out.push({ from: path.relative(src, file), to: path.relative(src, target), typeOnly: Boolean(m[2]) });
  }
  return out;
}

const all = sources(src).flatMap(importsOf);

describe('layers', () => {
  it('reads the imports (static, re-exports, dynamic, type-only)', () => {
    expect(all.length).toBeGreaterThan(200);
    expect(all).toContainEqual({ from: 'run/run-files.ts', to: 'pipeline.ts', typeOnly: false });
    expect(all).toContainEqual({ from: 'extract/plan.ts', to: 'model/analysis.ts', typeOnly: true });
  });

  it('every folder of src/ has a stage', () => {
    const stages = new Set(sources(src).map(stageOf));
    expect([...stages].filter((s) => !(s in rank))).toEqual([]);
  });

  it('no module imports a stage above its own', () => {
    const upward = all.filter((i) => {
      if (exempt.has(i.from)) return false;
      const from = stageOf(path.join(src, i.from));
      const to = stageOf(path.join(src, i.to));
      if (from === to) return false;
      if (i.typeOnly && to === 'model') return false;
      return rank[to] > rank[from];
    });
    expect(upward.map((i) => `${i.from} → ${i.to}`)).toEqual([]);
  });

  it.each([
    ['config', 'cli'],
    ['diff', 'report'],
    ['export', 'report'],
    ['lint', 'extract'],
    ['report', 'extract'],
    ['report', 'normalize'],
  ])('%s does not import %s', (from, to) => {
    const found = all.filter((i) => i.from.startsWith(`${from}/`) && i.to.startsWith(`${to}/`));
    expect(found.map((i) => `${i.from} → ${i.to}`)).toEqual([]);
  });

  it('the commands use the runner, not the pipeline, the walker or the engine themselves', () => {
    const direct = all.filter((i) => i.from.startsWith('cli/') && /^(?:pipeline\.ts|ingest\/walk\.ts|lint\/engine\.ts|extract\/)/.test(i.to));
    expect(direct.map((i) => `${i.from} → ${i.to}`)).toEqual([]);
  });
});
