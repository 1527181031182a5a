// The PDF reader's page furniture (grammars/pdf-furniture.yaml): page-number patterns and the
// thresholds that tell a running header or footer, validated with zod and compiled once.
import type { z } from 'zod';
import { lazySchema, regexString } from '../util/zod.js';
import { GrammarError } from './load.js';
import { readValidated } from './validated.js';

export const PdfFurnitureSchema = lazySchema((z) => {
  const regex = regexString(z);
  return z.strictObject({
    edgeLines: z.number().int().min(1),
    edgeBand: z.number().gt(0).max(0.5),
    repeatShare: z.number().gt(0).max(1),
    minPages: z.number().int().min(2),
    headerSize: z.number().gt(0).max(1),
    headerGap: z.number().gt(0),
    pageNumbers: z.array(regex),
  });
});

let cached: (z.infer<ReturnType<typeof PdfFurnitureSchema>> & { pageNumber: RegExp }) | null = null;

export function furnitureGrammar() {
  if (cached) return cached;
  const g = readValidated('pdf-furniture.yaml', PdfFurnitureSchema, (m) => new GrammarError(m));
  cached = { ...g, pageNumber: new RegExp(g.pageNumbers.map((p) => `(?:${p})`).join('|'), 'u') };
  return cached;
}

