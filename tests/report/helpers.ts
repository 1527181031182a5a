// Shared helpers of the report tests: the real pipeline and linter over the seeds.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractPath, extractText } from '../../src/pipeline.js';
import { lint } from '../../src/lint/engine.js';
import { expandInputs } from '../../src/ingest/walk.js';
import type { ReportInput } from '../../src/report/html/index.js';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const seedsDir = path.join(repo, 'fixtures', 'seeds');

/** The seeds in the order `report fixtures/seeds` reads them (a folder is read sorted). */
export async function seedFiles(): Promise<string[]> {
  return (await expandInputs([seedsDir], repo)).files;
}

export async function inputOf(file: string): Promise<ReportInput> {
  const analysis = await extractPath(file);
  return { file: path.relative(repo, file), analysis, messages: lint(analysis) };
}

export async function seedInputs(): Promise<ReportInput[]> {
  return Promise.all((await seedFiles()).map(inputOf));
}

export async function inputOfText(text: string, file = 'plan.txt'): Promise<ReportInput> {
  const analysis = await extractText(text, { path: file, sha256: '', encoding: 'utf-8', format: 'txt' });
  return { file, analysis, messages: lint(analysis) };
}

/** The text content of an HTML fragment (tags dropped, the five entities decoded). */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
