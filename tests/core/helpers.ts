// Shared helpers of the core test suites: run the real pipeline on fixtures and strings.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractPath, extractText } from '../../src/pipeline.js';
import type { InputFormat } from '../../src/model/analysis.js';
import type { PlanDocument } from '../../src/model/schema.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixture = (...p: string[]) => path.join(root, 'fixtures', ...p);

export const SEEDS = {
  district: 'district-emergency-plan-2021-2025',
  city: 'city-emergency-plan-placeholders',
  county: 'county-emergency-system-plan-chapters',
  workPoints: 'district-work-points-2020',
  resort: 'resort-three-plans-notice',
} as const;

export const seedPath = (name: string) => fixture('seeds', `${name}.txt`);
export const seedText = (name: string) => readFileSync(seedPath(name), 'utf8');

export async function extractSeed(name: string): Promise<PlanDocument> {
  return (await extractPath(seedPath(name))).document;
}

export async function extractString(text: string, format: InputFormat = 'txt'): Promise<PlanDocument> {
  return (await extractText(text, { path: `test.${format}`, sha256: '', encoding: 'utf-8', format })).document;
}

const squeeze = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/\s+/g, '');

/**
 * What a rendition of a plan must keep: indicators, tasks, owners, deadlines (spans, ids of
 * tables and text layout aside). `fold` maps each string first (e.g. traditional → simplified).
 */
export function essence(doc: PlanDocument, fold: (s: string) => string = (s) => s) {
  const f = (s: string | null | undefined) => fold(squeeze(s));
  return doc.plans.map((p) => ({
    title: f(p.title),
    kind: p.kind,
    period: p.period,
    indicators: p.indicators.map((i) => ({
      name: f(i.name),
      category: i.category && f(i.category),
      target: { ...i.target, text: f(i.target.text), unit: i.target.unit && f(i.target.unit), note: i.target.note && f(i.target.note) },
      nature: i.nature,
    })),
    tasks: [...p.tasks, ...p.projects].map((t) => ({
      start: f(t.text).slice(0, 12),
      owners: t.owners && { lead: t.owners.lead.map(f), support: t.owners.support.map(f) },
      deadline: t.deadline && { date: t.deadline.date, inferred: t.deadline.inferred },
    })),
  }));
}
