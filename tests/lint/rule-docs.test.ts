// docs/rules/<id>.md (SARIF's helpUri) is generated from the rules: a page that differs from its
// rule is out of date (run `npm run docs:rules`).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleDocPage } from '../../src/lint/docs.js';
import { rules } from '../../src/lint/rules/index.js';
import { repo } from '../helpers/cli.js';

const dir = path.join(repo, 'docs', 'rules');

describe('docs/rules', () => {
  it('has one page per rule and no other', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.md')).sort()).toEqual(rules.map((r) => `${r.id}.md`).sort());
  });
  it.each(rules.map((r) => [r.id, r] as const))('%s is up to date (npm run docs:rules)', (id, rule) => {
    expect(readFileSync(path.join(dir, `${id}.md`), 'utf8')).toBe(ruleDocPage(rule));
  });
});
