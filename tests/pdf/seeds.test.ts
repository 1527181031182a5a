// The bundled seed plans printed as PDFs (tests/pdf/seed-pdfs.ts) read as their text does:
// the same plans, indicators (tables rebuilt from cell positions, over page breaks), tasks,
// owners and deadlines, with page numbers and running headers left out and every span on
// its page. Four prints by default; STRESS=1 reads all ten (five seeds, two layouts).
import { describe, expect, it } from 'vitest';
import { extractPath } from '../../src/pipeline.js';
import { essence, seedPath } from '../core/helpers.js';
import { layoutFor, SEED_NAMES, seedPdf } from './seed-pdfs.js';

type Layout = 'a4' | 'narrow';
const ALL: [string, Layout][] = SEED_NAMES.flatMap((s) => [[s, 'a4'] as [string, Layout], [s, 'narrow'] as [string, Layout]]);
const CASES: [string, Layout][] =
  process.env.STRESS === '1'
    ? ALL
    : [
        ['district-emergency-plan-2021-2025', 'a4'], // indicator table over a page break, header printed again
        ['county-emergency-system-plan-chapters', 'a4'], // group rows, cells centred beside wrapped ones
        ['district-work-points-2020', 'a4'], // owner clauses, "第 3 页 共 8 页"
        ['county-emergency-system-plan-chapters', 'narrow'], // a few characters a line, cells wrapped over many lines
      ];

describe.each(CASES)('%s printed as PDF (%s)', async (seed, layout) => {
  const fromTxt = await extractPath(seedPath(seed));
  const fromPdf = await extractPath(await seedPdf(seed, layout));
  const pageCount = fromPdf.source.pages?.length ?? 0;

  it('reads the plans the text gives: titles, periods, metadata, indicators, tasks, owners, deadlines', () => {
    expect(fromPdf.source.format).toBe('pdf');
    expect(essence(fromPdf.document)).toEqual(essence(fromTxt.document));
    expect(fromPdf.document.plans.map((p) => p.meta)).toEqual(fromTxt.document.plans.map((p) => p.meta));
  });

  it('rebuilds every indicator table whole', () => {
    const counts = (r: typeof fromTxt) => r.facts.plans.map((p) => p.tables.map((t) => t.groups.map((g) => g.indicatorIds.length)));
    expect(counts(fromPdf)).toEqual(counts(fromTxt));
    expect(fromPdf.document.plans.map((p) => p.indicators.length)).toEqual(fromTxt.document.plans.map((p) => p.indicators.length));
  });

  it('leaves page numbers and the running header out of the text', () => {
    expect(pageCount).toBeGreaterThan(5);
    const title = fromTxt.document.plans[0].title;
    const { pageNumber } = layoutFor(layout, SEED_NAMES.indexOf(seed as (typeof SEED_NAMES)[number]), title);
    for (let n = 2; n <= pageCount; n++) expect(fromPdf.source.text).not.toContain(pageNumber(n, pageCount));
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    const count = (text: string) => squeeze(text).split(squeeze(title)).length - 1;
    expect(count(fromPdf.source.text)).toBe(count(fromTxt.source.text));
  });

  it('puts every task and indicator on its page, in reading order', () => {
    const items = fromPdf.document.plans.flatMap((p) => [...p.indicators, ...p.tasks, ...p.projects]);
    expect(items.length).toBeGreaterThan(0);
    for (const { span } of items) {
      expect(span.start.page).toBeGreaterThanOrEqual(1);
      expect(span.end.page).toBeLessThanOrEqual(pageCount);
      expect(span.start.page! <= span.end.page!).toBe(true);
      // the page is where the character stands: the page's text starts at or before it
      expect(fromPdf.source.pages![span.start.page! - 1]).toBeLessThanOrEqual(span.start.offset);
    }
    const tasks = fromPdf.document.plans.flatMap((p) => p.tasks);
    const pages = tasks.map((t) => t.span.start.page!);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(pages[pages.length - 1]).toBeGreaterThan(pages[0]);
  });
});
