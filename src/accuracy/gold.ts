// Gold annotations (fixtures/gold/FORMAT.md): what a correct extraction of one input holds.
// Read with zod so a typo in an annotation is an error naming the file, not a silent zero.
import { z } from 'zod';

// YAML reads 2022 or 12.5 as numbers: annotations compare as text
const text = z.union([z.string(), z.number()]).transform(String);
const oneOrMany = z.union([text, z.array(text)]);
const nullableAny = z.union([oneOrMany, z.null()]);
const yearSpan = z.object({ start: z.number(), end: z.number() });

const GoldTarget = z.object({
  text: z.string(),
  comparator: z.string().nullable().optional(),
  value: z.number().nullable().optional(),
  unit: z.string().nullable().optional(),
  change: z.string().nullable().optional(),
  note: z.string().nullable().optional(),
});

const GoldTask = z.object({
  anchor: z.string(),
  owners: z.object({ lead: z.array(z.string()).default([]), support: z.array(z.string()).default([]) }).nullable().optional(),
  deadline: z.object({ date: z.string() }).nullable().optional(),
});

const GoldIndicator = z.object({
  name: z.string(),
  category: nullableAny.optional(),
  nature: nullableAny.optional(),
  target: GoldTarget.partial().optional(),
});

const GoldPlan = z.object({
  title: nullableAny.optional(),
  kind: nullableAny.optional(),
  period: yearSpan.nullable().optional(),
  baseYear: z.union([z.number(), z.null()]).optional(),
  meta: z.record(z.string(), z.union([oneOrMany, z.null()])).optional(),
  sample: z.boolean().optional(),
  indicators: z.array(GoldIndicator).default([]),
  tasks: z.array(GoldTask).default([]),
  projects: z.array(GoldTask).default([]),
  targets: z.array(GoldTarget).default([]),
});

export const GoldSchema = z.object({
  /** the input, relative to the project root */
  file: z.string(),
  plans: z.array(GoldPlan),
  expectDiagnostics: z.array(z.string()).optional(),
  forbidDiagnostics: z.array(z.string()).optional(),
});

export type Gold = z.infer<typeof GoldSchema>;
export type GoldPlan = z.infer<typeof GoldPlan>;
export type GoldTask = z.infer<typeof GoldTask>;
export type GoldIndicator = z.infer<typeof GoldIndicator>;
export type GoldTargetT = z.infer<typeof GoldTarget>;
