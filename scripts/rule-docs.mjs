#!/usr/bin/env node
// Writes docs/rules/<id>.md for every rule from the rule objects (Chinese, then English), the
// pages SARIF's helpUri points at. tests/lint/rule-docs.test.ts fails when a page is out of date.
//   npm run build && node scripts/rule-docs.mjs
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { rules } = await import(path.join(root, 'dist', 'lint', 'rules', 'index.js'));
const { ruleDocPage } = await import(path.join(root, 'dist', 'lint', 'docs.js'));
const dir = path.join(root, 'docs', 'rules');
mkdirSync(dir, { recursive: true });
const wanted = new Set(rules.map((r) => `${r.id}.md`));
for (const f of readdirSync(dir)) if (f.endsWith('.md') && !wanted.has(f)) rmSync(path.join(dir, f));
for (const r of rules) writeFileSync(path.join(dir, `${r.id}.md`), ruleDocPage(r));
console.log(`docs/rules: ${rules.length} pages written`);
