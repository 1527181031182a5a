// Every span points into the original file, whatever normalization happened: stray spaces,
// full-width forms, CRLF, joined lines, Markdown syntax.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPath } from '../../src/pipeline.js';
import type { Span } from '../../src/model/schema.js';
import { SEEDS, fixture, seedPath } from './helpers.js';
import { same } from '../helpers/same.js';

const squeeze = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

function checkSpan(text: string, span: Span) {
  const lines = text.split(/\r\n|\r|\n/);
  for (const p of [span.start, span.end]) {
    // line and column agree with the offset
    let offset = 0;
    const nl = text.match(/\r\n|\r|\n/g) ?? [];
    for (let l = 0; l < p.line - 1; l++) offset += lines[l].length + nl[l].length;
    offset += [...lines[p.line - 1]].slice(0, p.column - 1).join('').length;
    same(offset, p.offset);
  }
  expect(span.end.offset).toBeGreaterThanOrEqual(span.start.offset);
}

const files = [...Object.values(SEEDS).map(seedPath), fixture('md', `${SEEDS.county}.md`), fixture('md', `${SEEDS.workPoints}.md`)];

describe.each(files)('%s', (file) => {
  it('points every span at the text it was read from', async () => {
    const { document, source } = await extractPath(file);
    const original = readFileSync(file, 'utf8');
    expect(source.text).toBe(original);
    for (const plan of document.plans) {
      for (const i of plan.indicators) {
        checkSpan(original, i.span);
        expect(squeeze(original.slice(i.span.start.offset, i.span.end.offset))).toContain(squeeze(i.name).slice(0, 4));
      }
      for (const t of [...plan.tasks, ...plan.projects]) {
        checkSpan(original, t.span);
        const from = squeeze(original.slice(t.span.start.offset, t.span.end.offset));
        expect(from.startsWith(squeeze(t.text).slice(0, 8))).toBe(true);
        for (const target of t.targets) {
          checkSpan(original, target.span);
          expect(squeeze(original.slice(target.span.start.offset, target.span.end.offset))).toBe(squeeze(target.text));
        }
      }
    }
  });
});

describe('offsets after normalization', () => {
  it('maps through removed spaces and CRLF', async () => {
    const { extractText } = await import('../../src/pipeline.js');
    const text = '某区应急管理规划\r\n\r\n一、主要任务\r\n\r\n（一）完善  预案。到 2025年底前修订预案（责任单位：区应急 管理局）\r\n';
    const { document } = await extractText(text, { path: 'x.txt', sha256: '', encoding: 'utf-8', format: 'txt' });
    const task = document.plans[0].tasks[0];
    expect(task.owners!.lead).toEqual(['区应急管理局']);
    expect(task.span.start.line).toBe(5);
    expect(task.span.start.column).toBe(4);
    expect(text.slice(task.span.start.offset, task.span.end.offset)).toBe('完善  预案。到 2025年底前修订预案（责任单位：区应急 管理局）');
  });
});
