// Grammar files as data a clerk edits: every shipped file validates against its loader's schema
// (unknown keys are mistakes, not ignored); a mistake is reported with the file and the key; the
// cache of validated grammars is used only while a file's content is unchanged.
import { copyFileSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DirectionsSchema } from '../../src/grammars/directions.js';
import { LintWordsSchema } from '../../src/grammars/lint-words.js';
import { GrammarError, grammarSchemas } from '../../src/grammars/load.js';
import { PageFurnitureSchema } from '../../src/grammars/page-furniture.js';
import { PdfFurnitureSchema } from '../../src/grammars/pdf-furniture.js';
import { UnitAliasesSchema } from '../../src/grammars/unit-aliases.js';
import { grammarDir, GrammarStore } from '../../src/grammars/validated.js';
import { workspace } from '../helpers/cli.js';

const schemas: Record<string, z.ZodType> = {
  ...grammarSchemas(),
  'lint-words.yaml': LintWordsSchema(),
  'page-furniture.yaml': PageFurnitureSchema(),
  'pdf-furniture.yaml': PdfFurnitureSchema(),
  'directions.yaml': DirectionsSchema(),
  'unit-aliases.yaml': UnitAliasesSchema(),
};
const fail = (m: string) => new GrammarError(m);

/** A store over a copy of grammars/ (or over `files`), with its cache in the same temporary folder. */
function storeOver(files?: Record<string, string>): { store: (bypass?: boolean) => GrammarStore; dir: string } {
  const dir = workspace(files ?? {});
  if (!files) for (const f of readdirSync(grammarDir)) copyFileSync(path.join(grammarDir, f), path.join(dir, f));
  const cache = path.join(dir, 'cache.json');
  return { dir, store: (bypass = false) => new GrammarStore(dir, cache, bypass) };
}

describe('the shipped grammars', () => {
  it('every file of grammars/ has a loader, and validates against its schema', () => {
    const files = readdirSync(grammarDir).filter((f) => f.endsWith('.yaml')).sort();
    expect(files).toEqual(Object.keys(schemas).sort());
    const store = new GrammarStore(grammarDir, path.join(workspace(), 'cache.json'), true);
    for (const f of files) expect(() => store.read(f, schemas[f], fail), f).not.toThrow();
    expect(store.parsed).toBe(files.length);
  });
});

describe('a mistake in a grammar file: reported with the file and the key', () => {
  const furniture = (body: string) => storeOver({ 'page-furniture.yaml': body }).store(true);
  const read = (store: GrammarStore) => () => store.read('page-furniture.yaml', PageFurnitureSchema, fail);

  it.each([
    ['a value of the wrong type', 'tags: nav\nroles: []\nclassWords: [nav]\n', /^grammars\/page-furniture\.yaml: tags: Invalid input: expected array, received string$/],
    ['a key the loader does not know', 'tags: [nav]\nroles: []\nclassWords: [nav]\nclasswords: [menu]\n', /^grammars\/page-furniture\.yaml: \(root\): Unrecognized key: "classwords"$/],
    ['a missing key', 'tags: [nav]\nroles: []\n', /^grammars\/page-furniture\.yaml: classWords: Invalid input/],
    ['a pattern where a plain word is asked for', 'tags: [nav]\nroles: []\nclassWords: [nav, "foo|bar"]\n', /^grammars\/page-furniture\.yaml: classWords\.1: a plain word/],
    ['broken YAML', 'tags: [nav\nroles: []\n', /^grammars\/page-furniture\.yaml: \S/],
  ])('%s', (_what, body, message) => {
    const run = read(furniture(body));
    expect(run).toThrow(GrammarError);
    expect(run).toThrow(message);
  });

  it('a missing file', () => {
    expect(read(storeOver({}).store(true))).toThrow(/^grammars\/page-furniture\.yaml: missing$/);
  });

  it('an invalid regular expression and a malformed deadline template (load.ts schemas)', () => {
    const { store } = storeOver({
      'headings.yaml': "schemes:\n  - { id: x, pattern: '^(一' }\n",
      'deadlines.yaml': "patterns:\n  - { pattern: '(\\d{4})年底', date: '{Y}-12' }\n",
    });
    expect(() => store(true).read('headings.yaml', grammarSchemas()['headings.yaml'], fail)).toThrow(/^grammars\/headings\.yaml: schemes\.0\.pattern: not a valid regular expression$/);
    expect(() => store(true).read('deadlines.yaml', grammarSchemas()['deadlines.yaml'], fail)).toThrow(/^grammars\/deadlines\.yaml: patterns\.0\.date: a date template/);
  });
});

describe('the cache of validated grammars', () => {
  it('an unchanged file is read from the cache, a changed one is validated again', () => {
    const { dir, store } = storeOver();
    const file = 'lint-words.yaml';
    const build = store(true);
    const valid = build.read(file, LintWordsSchema, fail);
    expect(build.writeCache()).toBe(1);

    // unchanged: the cached data, no parsing
    const warm = store();
    expect(warm.read(file, LintWordsSchema, fail)).toEqual(valid);
    expect(warm.parsed).toBe(0);

    // the cache is keyed by content: an edit that keeps size and modification time is seen
    const full = path.join(dir, file);
    const original = readFileSync(full, 'utf8');
    const then = new Date('2024-01-01T00:00:00Z');
    writeFileSync(full, original.replace('某某', '某甲'));
    utimesSync(full, then, then);
    const build2 = store(true);
    build2.read(file, LintWordsSchema, fail);
    build2.writeCache();
    writeFileSync(full, original.replace('某某', '某乙')); // the same size and time
    utimesSync(full, then, then);
    const edited = store();
    expect(edited.read(file, LintWordsSchema, fail).placeholders.tokens).toContain('某乙');
    expect(edited.parsed).toBe(1);

    // an unchanged file with another time (an installed copy: npm pack sets 1985) is a hit
    writeFileSync(full, original.replace('某某', '某甲'));
    utimesSync(full, new Date('1985-10-26T08:15:00Z'), new Date('1985-10-26T08:15:00Z'));
    const installed = store();
    expect(installed.read(file, LintWordsSchema, fail).placeholders.tokens).toContain('某甲');
    expect(installed.parsed).toBe(0);

    // a clerk's mistake is reported even though the cache holds a valid version
    writeFileSync(full, original.replace('emptyTargets:', 'emptyTarget:'));
    expect(() => store().read(file, LintWordsSchema, fail)).toThrow(/^grammars\/lint-words\.yaml: .*emptyTarget/);
  });

  it('a missing or damaged cache file is no error: the files are validated', () => {
    const { dir, store } = storeOver();
    writeFileSync(path.join(dir, 'cache.json'), '{not json');
    const s = store();
    s.read('lint-words.yaml', LintWordsSchema, fail);
    expect(s.parsed).toBe(1);
  });
});
