// Runs the pipeline on every gold-annotated input of the project (fixtures/gold/**) in this
// process and scores it: the project's own accuracy harness (`npm run accuracy`).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { lint } from '../lint/engine.js';
import { extractPath } from '../pipeline.js';
import { GoldSchema, type Gold } from './gold.js';
import { figures, mergeCounts, scoreDocument, type Counts, type DocScore, type Figure } from './score.js';

export interface DocResult extends DocScore {
  /** the gold file, relative to the project root */
  gold: string;
  /** the set the gold file belongs to (its folder: seeds, corpus) */
  set: string;
  input: string;
  figures: Record<Figure, number | null>;
  /** extraction failed: the reason */
  error?: string;
}

/** Every gold file under `goldRoot`, sorted, as paths relative to `projectRoot`. */
export function goldFiles(projectRoot: string, goldRoot = path.join(projectRoot, 'fixtures', 'gold')): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.gold.yaml')) out.push(path.relative(projectRoot, p));
    }
  };
  walk(goldRoot);
  return out;
}

export function readGold(projectRoot: string, file: string): Gold {
  const parsed = GoldSchema.safeParse(parse(readFileSync(path.join(projectRoot, file), 'utf8')));
  if (!parsed.success) throw new Error(`${file}: not a gold annotation: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

export async function scoreFile(projectRoot: string, file: string): Promise<DocResult> {
  return scoreGold(projectRoot, readGold(projectRoot, file), file, path.basename(path.dirname(file)));
}

/** Scores an annotation held in memory (its `file` relative to the project root, or absolute). */
export async function scoreGold(projectRoot: string, gold: Gold, file: string, set: string): Promise<DocResult> {
  const input = path.resolve(projectRoot, gold.file);
  try {
    const result = await extractPath(input);
    const ruleIds = gold.expectDiagnostics || gold.forbidDiagnostics ? lint(result).map((m) => m.ruleId) : [];
    const score = scoreDocument(gold, result.document, ruleIds);
    return { ...score, gold: file, set, input: gold.file, figures: figures(score.counts) };
  } catch (e) {
    const score = scoreDocument(gold, null);
    return { ...score, gold: file, set, input: gold.file, figures: figures(score.counts), error: (e as Error).message };
  }
}

export interface AccuracyRun {
  documents: DocResult[];
  /** totals per set and over everything ("all") */
  totals: Record<string, Record<Figure, number | null>>;
}

export async function runAccuracy(projectRoot: string, files = goldFiles(projectRoot), extra: DocResult[] = []): Promise<AccuracyRun> {
  const documents: DocResult[] = [];
  for (const f of files) documents.push(await scoreFile(projectRoot, f));
  documents.push(...extra);
  const sets: Record<string, Counts> = { all: {} };
  for (const d of documents) {
    mergeCounts((sets[d.set] ??= {}), d.counts);
    mergeCounts(sets.all, d.counts);
  }
  const totals = Object.fromEntries(Object.entries(sets).map(([k, c]) => [k, figures(c)]));
  return { documents, totals };
}
