// End to end: the report of all five seeds, built by the command, opened from a file:// path in
// Chromium (playwright-core): the system's /usr/bin/chromium where there is one, else the
// Chromium that the npm package @sparticuz/chromium ships (no system browser needed; it has no
// CJK font, so everything is asserted on the DOM, never on pixels). Checks the counts shown
// against extract, opening a plan from the overview and going back, the two-way links between
// records and source, the severity filter, and that the page makes no network request. Then a
// corpus report of 300 plans: the page holds the overview alone (elements counted, not time)
// until a plan is opened with one click; and both work 420 px wide. Screenshots go to a
// temporary folder.
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan, PlanDocument } from '../../src/model/schema.js';
import { renderReport, type ReportInput } from '../../src/report/html/index.js';
import { planLint } from '../helpers/cli.js';
import { repo, seedInputs } from './helpers.js';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The browser to drive: the system's Chromium, else the one shipped in @sparticuz/chromium. */
async function browserToUse(): Promise<{ executablePath: string; args: string[] }> {
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, args: LAUNCH_ARGS };
  const packaged = (await import('@sparticuz/chromium')).default;
  // its serverless defaults run one process, which ends with the first closed context; and the
  // web-security switches it turns off would hide a network request the page should not make;
  // its GL switches draw every frame through SwiftShader, where --disable-gpu leaves the
  // software compositor (the suite ~1.5 s of CPU less, screenshots as before)
  const unwanted = /^--(?:single-process|disable-web-security|allow-running-insecure-content|use-gl=.*|use-angle=.*|enable-unsafe-swiftshader|in-process-gpu|ignore-gpu-blocklist)$/;
  return { executablePath: await packaged.executablePath(), args: [...packaged.args.filter((a) => !unwanted.test(a)), ...LAUNCH_ARGS] };
}

let dir: string;
let reportFile: string;
let browser: Browser;
let docs: PlanDocument[];
let seeds: ReportInput[];
/** every request the pages made that is not file:, data: or about: */
const network: string[] = [];

/** Builds the report as a user does: `plan-lint report fixtures/seeds -o …` (in-process). */
async function buildReport(out: string): Promise<void> {
  const r = await planLint(['report', 'fixtures/seeds', '-o', out], { cwd: repo });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(1); // the city seed has placeholder errors
}

async function open(opts: { reducedMotion?: 'reduce' | 'no-preference'; file?: string; width?: number } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: 900 }, reducedMotion: opts.reducedMotion ?? 'no-preference' });
  context.on('request', (r) => {
    if (!/^(?:file|data|about):/.test(r.url())) network.push(r.url());
  });
  const page = await context.newPage();
  await page.goto(pathToFileURL(opts.file ?? reportFile).href);
  return page;
}

/** Waits until the element is visible in the window and in every scroll box around it. */
async function inView(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    if (r.height === 0 || r.bottom <= 0 || r.top >= window.innerHeight) return false;
    for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (!/(auto|scroll|hidden)/.test(s.overflowY)) continue;
      const b = p.getBoundingClientRect();
      if (r.bottom <= b.top || r.top >= b.bottom) return false;
    }
    return true;
  }, selector);
}

async function isInView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel)!;
    const r = el.getBoundingClientRect();
    if (r.bottom <= 0 || r.top >= window.innerHeight) return false;
    for (let p = el.parentElement; p; p = p.parentElement) {
      if (!/(auto|scroll|hidden)/.test(getComputedStyle(p).overflowY)) continue;
      const b = p.getBoundingClientRect();
      if (r.bottom <= b.top || r.top >= b.bottom) return false;
    }
    return true;
  }, selector);
}

const hasClass = (l: Locator, cls: string) => l.evaluate((el, c) => el.classList.contains(c), cls);

/** Opens plan `id` as a reader does: one click on its name in the overview. */
async function openPlan(page: Page, id: string): Promise<Locator> {
  await page.locator(`#index a[href="#${id}"]`).click();
  const section = page.locator(`section.plan#${id}`);
  await section.waitFor();
  return section;
}

/** Every element of the page, as the browser holds it. */
const elementCount = (page: Page) => page.evaluate(() => document.querySelectorAll('*').length);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'plan-lint-e2e-'));
  reportFile = path.join(dir, 'report.html');
  const [launch] = await Promise.all([browserToUse(), buildReport(reportFile)]);
  seeds = await seedInputs();
  docs = seeds.map((s) => s.analysis.document);
  browser = await chromium.launch({ ...launch, headless: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// a browser test takes seconds, not vitest's default 5: the bound is generous, the waits are on conditions
describe('report in Chromium', { timeout: 120_000 }, () => {
  it('shows the counts extract finds, for every plan of every seed', async () => {
    const page = await open();
    const plans = docs.flatMap((d) => d.plans);
    expect(plans.length).toBe(7);
    expect(await page.locator('nav.index tbody tr').count()).toBe(plans.length);
    // no plan is in the page until it is opened
    expect(await page.locator('section.plan').count()).toBe(0);
    for (const [i, plan] of plans.entries()) {
      // the first plan opened by a click on its name, the others by their address
      const id = `p${i + 1}`;
      if (i > 0) await page.evaluate((h) => void (location.hash = h), id);
      if (i === 0) await openPlan(page, id);
      else await page.locator(`section.plan#${id}`).waitFor();
      // what the page shows, read in one go
      const shown = await page.evaluate((pid) => {
        const s = document.getElementById(pid)!;
        const count = (key: string) => Number(s.querySelector(`[data-count="${key}"]`)!.textContent);
        const row = document.querySelectorAll('nav.index tbody tr')[Number(pid.slice(1)) - 1];
        return {
          sections: document.querySelectorAll('section.plan').length,
          overviewShown: !document.getElementById('index')!.hidden,
          title: s.querySelector('h2')!.textContent,
          pageTitle: document.title,
          counts: [count('indicators'), count('tasks'), count('projects')],
          row: Array.from(row.querySelectorAll('td.num'), (td) => Number(td.textContent)).slice(0, 3),
          taskRows: s.querySelectorAll('tbody.group tr[id]').length,
        };
      }, id);
      const want = [plan.indicators.length, plan.tasks.length, plan.projects.length];
      expect(shown, plan.title).toEqual({
        sections: 1,
        overviewShown: false,
        title: plan.title,
        pageTitle: `${plan.title} · plan-lint 规划审阅报告`,
        counts: want,
        row: want,
        // one row per task in the grouped table
        taskRows: plan.tasks.length,
      });
    }
    // back to the overview: the plan leaves the page
    await page.locator('.plan-nav a[href="#index"]').click();
    await page.locator('#index').waitFor();
    expect(await page.locator('section.plan').count()).toBe(0);
    await page.context().close();
  });

  it('an address naming a record opens its plan there; back and forward move between plans', async () => {
    const page = await open({ reducedMotion: 'reduce' });
    const i = docs.flatMap((d) => d.plans).findIndex((p) => p.kind === 'workPoints');
    const id = `p${i + 1}`;
    await page.goto(`${pathToFileURL(reportFile).href}#${id}-t5`);
    await inView(page, `#${id}-t5`);
    expect(await page.locator(`section.plan#${id}`).count()).toBe(1);
    await page.locator(`#${id} .plan-nav a[rel="next"]`).click();
    await page.locator(`section.plan#p${i + 2}`).waitFor();
    await page.goBack();
    await page.locator(`section.plan#${id}`).waitFor();
    expect(await page.locator('section.plan').count()).toBe(1);
    // the skip link goes to the main content and leaves the plan open
    await page.locator('a.skip').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#main');
    expect(await page.locator(`section.plan#${id}`).isVisible()).toBe(true);
    // the back button returns to the overview
    await page.goBack();
    await page.goBack();
    await page.locator('#index').waitFor();
    expect(await page.locator('section.plan').count()).toBe(0);
    await page.context().close();
  });

  it('a task leads to its sentence in the source, and the sentence back to the task', async () => {
    // reduced motion: jumps instead of smooth scrolling, which a busy machine can stretch out
    const page = await open({ reducedMotion: 'reduce' });
    const i = docs.flatMap((d) => d.plans).findIndex((p) => p.kind === 'workPoints');
    const plan = docs.flatMap((d) => d.plans)[i];
    const id = `p${i + 1}`;
    const k = plan.tasks.length; // the last task: far down in the source
    const task = plan.tasks[k - 1];
    await openPlan(page, id);
    const source = `#${id}-t${k}-src`;
    expect(await isInView(page, source)).toBe(false);

    await page.locator(`#${id}-t${k} a[data-go]`).click();
    await inView(page, source);
    const segment = page.locator(source);
    expect(await hasClass(segment, 'is-active')).toBe(true);
    // the highlighted text is the task's own sentence
    const text = (await page.locator(`[data-src="${id}-t${k}-src"]`).allTextContents()).join('');
    expect(text.replace(/\s+/g, '')).toBe(task.text.replace(/\s+/g, '').slice(0, text.replace(/\s+/g, '').length));
    expect(text.length).toBeGreaterThan(10);
    expect(text).toContain(task.owners!.lead[0]);

    // back: click the first task's text in the source → its row comes into view, marked
    // a highlight runs over several lines: click the middle of its first line box
    const box = await page.locator(`#${id}-t1-src`).evaluate((el) => {
      el.scrollIntoView({ block: 'center' });
      const r = el.getClientRects()[0];
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.click(box.x, box.y);
    await inView(page, `#${id}-t1`);
    expect(await hasClass(page.locator(`#${id}-t1`), 'is-active')).toBe(true);
    expect(await hasClass(segment, 'is-active')).toBe(false);
    await page.context().close();
  });

  it('filters diagnostics by severity', async () => {
    const page = await open();
    await openPlan(page, 'p4');
    const warn = page.locator('#p4 .diags li.d-warn').first();
    await warn.scrollIntoViewIfNeeded();
    expect(await warn.isVisible()).toBe(true);
    const toggle = page.locator('#p4 button[data-sev="warn"]');
    await toggle.click();
    await warn.waitFor({ state: 'hidden' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.press('Enter');
    await warn.waitFor({ state: 'visible' });
    await page.context().close();
  });

  it('screenshot of a seed: a plan with indicators, units and the source side by side', async () => {
    const page = await open({ reducedMotion: 'reduce' });
    const plans = docs.flatMap((d) => d.plans);
    const i = plans.findIndex((p) => p.indicators.length > 0 && p.tasks.some((t) => t.owners));
    const id = `p${i + 1}`;
    await openPlan(page, id);
    await page.locator(`#${id}-i1 a[data-go]`).click();
    await inView(page, `#${id}-i1-src`);
    // reduced motion: the highlight is set without the flash animation
    expect(await hasClass(page.locator(`#${id}-i1-src`), 'is-active')).toBe(true);
    expect(await page.locator(`#${id}-i1-src`).evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    const shot = path.join(dir, 'report.png');
    await page.screenshot({ path: shot });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    await page.context().close();
  });

  it('made no network request', () => {
    expect(network).toEqual([]);
  });
});

/**
 * `plans` plans made of copies of the seeds (analysed once), each copy's plans renamed
 * "…（第N份）" and its files put under corpus/N/: a corpus report as an analyst makes one.
 */
function corpusOf(seedInputs: ReportInput[], plans: number): ReportInput[] {
  const out: ReportInput[] = [];
  let total = 0;
  for (let k = 0; total < plans; k++) {
    const seed = seedInputs[k % seedInputs.length];
    const n = seed.analysis.document.plans.length;
    if (total + n > plans) continue;
    const copy = Math.floor(k / seedInputs.length) + 1;
    const document = { ...seed.analysis.document, plans: seed.analysis.document.plans.map((p) => ({ ...p, title: `${p.title}（第${copy}份）` })) };
    out.push({ ...seed, file: `corpus/${copy}/${path.basename(seed.file)}`, analysis: { ...seed.analysis, document } });
    total += n;
  }
  return out;
}

describe('a corpus report of 300 plans in Chromium', { timeout: 120_000 }, () => {
  let corpusFile: string;
  let plans: Plan[];
  /** a plan halfway down the list with many tasks */
  let k: number;

  beforeAll(() => {
    const inputs = corpusOf(seeds, 300);
    plans = inputs.flatMap((i) => i.analysis.document.plans);
    expect(plans).toHaveLength(300);
    k = plans.findIndex((p, i) => i >= 150 && p.tasks.length > 40) + 1;
    corpusFile = path.join(dir, 'corpus.html');
    writeFileSync(corpusFile, renderReport(inputs, { version: '0.1.0' }));
  });

  it('holds the overview alone until a plan is opened; one click brings that plan\'s tasks and source; 420 px wide, nothing runs off the screen', async () => {
    const page = await open({ file: corpusFile, reducedMotion: 'reduce' });
    expect(await page.locator('#index tbody tr').count()).toBe(300);
    const before = await elementCount(page);
    expect(before).toBeLessThan(5000);
    expect(await page.locator('section.plan, pre.source').count()).toBe(0);

    const plan = plans[k - 1];
    const s = await openPlan(page, `p${k}`);
    expect(await s.locator('h2').innerText()).toBe(plan.title);
    expect(await s.locator('tbody.group tr[id]').count()).toBe(plan.tasks.length);
    expect(await s.locator('pre.source a.hl-task[id]').count()).toBe(plan.tasks.length);
    expect((await s.locator('pre.source').innerText()).length).toBeGreaterThan(2000);
    // one plan in the page, never the corpus
    expect(await page.locator('section.plan').count()).toBe(1);
    expect(await elementCount(page)).toBeLessThan(before + 5000);

    // a phone: the plan and the overview fit the width; the overview's rows are cards (the
    // plan's name across the width, the numbers under it)
    await page.setViewportSize({ width: 420, height: 900 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(dir, 'narrow.png') });
    await s.locator('.plan-nav a[href="#index"]').click();
    await page.locator('#index').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    const row = await page.locator('#index tbody tr').first().evaluate((tr) => ({ width: tr.getBoundingClientRect().width, th: tr.querySelector('th')!.getBoundingClientRect().width }));
    expect(row.width).toBeLessThanOrEqual(420);
    expect(row.th).toBeGreaterThan(row.width * 0.9);

    // the overview's filter narrows the list to what it names
    await page.locator('#filter').fill('（第7份）');
    const shown = await page.locator('#index tbody tr:visible').count();
    expect(shown).toBe(plans.filter((p) => p.title.endsWith('（第7份）')).length);
    expect(shown).toBeGreaterThan(0);
    await page.context().close();
  });

  it('made no network request', () => {
    expect(network).toEqual([]);
  });
});
