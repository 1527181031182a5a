// The documentation is the test suite: every rule's failing example is reported where its docs
// say, and its passing example is not — through the real pipeline, as `plan-lint check` runs it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPath } from '../../src/pipeline.js';
import { lint } from '../../src/lint/engine.js';
import { rules } from '../../src/lint/rules/index.js';
import type { AnyRule, RuleExample } from '../../src/lint/types.js';
import { reportedLines, ruleHelpText } from '../../src/lint/docs.js';
import { applyFixes } from '../../src/run/fix.js';

const dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-catalog-'));

async function runExample(rule: AnyRule, example: RuleExample, name: string) {
  const file = path.join(dir, `${rule.id}-${name}.${example.format ?? 'txt'}`);
  writeFileSync(file, example.text);
  const result = await extractPath(file);
  return lint(result, {
    catalog: [rule],
    rules: { [rule.id]: { level: 'error', ...(rule.exampleOptions ? { options: rule.exampleOptions } : {}) } },
  });
}

describe('rule catalog', () => {
  it("every rule's default options validate to themselves (the engine uses them unparsed when nothing is configured)", () => {
    const withOptions = rules.filter((r) => r.options);
    expect(withOptions.map((r) => r.id)).toEqual(['heading-sequence', 'owner-unknown']);
    for (const r of withOptions) expect(r.options!.parse(r.defaultOptions), r.id).toEqual(r.defaultOptions);
  });

  it('lists the 13 rules of SPEC in its order, then the rules added since', () => {
    expect(rules.map((r) => r.id)).toEqual([
      'indicator-missing-target',
      'indicator-missing-nature',
      'indicator-vague-target',
      'indicator-count-mismatch',
      'indicator-duplicate',
      'task-missing-owner',
      'task-vague-owner',
      'task-missing-deadline',
      'deadline-outside-period',
      'placeholder-text',
      'heading-sequence',
      'owner-unknown',
      'garbled-text',
      'table-unread',
      'inline-config',
      'halfwidth-punctuation',
    ]);
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      it('has messages in Chinese and English and complete docs', () => {
        for (const m of Object.values(rule.messages)) {
          expect(m.zh).toMatch(/[\u4e00-\u9fff]/);
          expect(m.en).toMatch(/^[\x20-\x7e\u4e00-\u9fff“”（）()—–…·、，。%‰≤≥]+$/);
        }
        for (const t of [rule.docs.what, rule.docs.why, rule.docs.summary]) {
          expect(t.zh.length).toBeGreaterThan(5);
          expect(t.zh).toMatch(/[\u4e00-\u9fff]/);
          expect(t.en.length).toBeGreaterThan(5);
        }
        expect(rule.docs.what.en.length).toBeGreaterThan(20);
        expect(rule.docs.why.en.length).toBeGreaterThan(20);
        expect(rule.docs.failing.reports.length).toBeGreaterThan(0);
      });

      it('its documentation shows the lines it reports (marked ›), in both locales', () => {
        for (const locale of ['zh', 'en'] as const) {
          const doc = ruleHelpText(rule, locale);
          for (const line of reportedLines(rule.docs.failing.reports)) expect(doc).toMatch(new RegExp(`^    › +${line} │ `, 'm'));
        }
      });

      it('reports its failing example where the docs say', async () => {
        const messages = await runExample(rule, rule.docs.failing, 'failing');
        const at = messages.map((m) => `${m.line}:${m.column}`);
        expect(at.length).toBe(rule.docs.failing.reports.length);
        rule.docs.failing.reports.forEach((want, i) => {
          expect(want.includes(':') ? at[i] : at[i].split(':')[0]).toBe(want);
        });
      });

      if (rule.fixable)
        it('its fixes correct its failing example: after --fix nothing fixable is reported', async () => {
          const messages = await runExample(rule, rule.docs.failing, 'failing');
          expect(messages.some((m) => m.fix)).toBe(true);
          const fixed = applyFixes(rule.docs.failing.text, messages).text;
          const after = await runExample(rule, { ...rule.docs.failing, text: fixed }, 'fixed');
          expect(after.filter((m) => m.fix)).toEqual([]);
          expect(after.length).toBeLessThan(messages.length);
        });

      it('is silent on its passing example', async () => {
        const messages = await runExample(rule, rule.docs.passing, 'passing');
        expect(messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([]);
      });
    });
  }
});
