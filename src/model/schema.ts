// The document model of `plan-lint extract` (SPEC "extract: the document model", schemaVersion 1).
// Every TypeScript type of the model is inferred from these schemas, and `plan-lint schema`
// prints the JSON Schema generated from them, so the three can never disagree.
import { z } from 'zod';
import { inputFormats } from '../ingest/formats.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const PointSchema = z.object({
  line: z.number().int().min(1).describe('1-based line in the original file'),
  column: z.number().int().min(1).describe('1-based column in characters (code points)'),
  offset: z.number().int().min(0).describe('0-based offset in characters (UTF-16 code units) into the decoded original file'),
});
export const SpanSchema = z.object({ start: PointSchema, end: PointSchema });

export const ComparatorSchema = z.enum(['lt', 'le', 'eq', 'ge', 'gt']);
export const ChangeSchema = z.enum(['decrease', 'increase']);

/** A parsed quantity: what a target says, without where it stands. */
export const QuantitySchema = z.object({
  text: z.string(),
  comparator: ComparatorSchema.nullable(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  change: ChangeSchema.nullable(),
  note: z.string().nullable(),
});

export const TargetSchema = QuantitySchema.extend({ span: SpanSchema });

export const OwnersSchema = z.object({
  lead: z.array(z.string()),
  support: z.array(z.string()),
  text: z.string().describe('the owner clause as written'),
});

export const DeadlineSchema = z.object({
  text: z.string(),
  date: isoDate,
  inferred: z.boolean(),
});

export const TaskSchema = z.object({
  id: z.string(),
  section: z.array(z.string()),
  title: z.string().nullable(),
  text: z.string(),
  owners: OwnersSchema.nullable(),
  deadline: DeadlineSchema.nullable(),
  targets: z.array(TargetSchema),
  span: SpanSchema,
});

export const IndicatorSchema = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string().nullable(),
  target: QuantitySchema,
  nature: z.enum(['binding', 'expected']).nullable(),
  span: SpanSchema,
});

export const MetaSchema = z.object({
  docNumber: z.string().nullable(),
  issuer: z.string().nullable(),
  written: isoDate.nullable(),
  published: isoDate.nullable(),
  indexNo: z.string().nullable(),
});

export const PlanKindSchema = z.enum(['plan', 'workPoints', 'taskBreakdown', 'other']);

export const PlanSchema = z.object({
  title: z.string(),
  kind: PlanKindSchema,
  period: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
  baseYear: z.number().int().nullable(),
  meta: MetaSchema,
  indicators: z.array(IndicatorSchema),
  tasks: z.array(TaskSchema),
  projects: z.array(TaskSchema),
  targets: z.array(TargetSchema),
  span: SpanSchema.describe('where the plan stands in the file (extension to SPEC)'),
});

export const SourceSchema = z.object({
  path: z.string(),
  sha256: z.string(),
  encoding: z.string(),
  format: z.enum(inputFormats),
});

export const DocumentSchema = z.object({
  schemaVersion: z.literal(1),
  source: SourceSchema,
  plans: z.array(PlanSchema),
});

export type Point = z.infer<typeof PointSchema>;
export type Span = z.infer<typeof SpanSchema>;
export type Comparator = z.infer<typeof ComparatorSchema>;
export type Quantity = z.infer<typeof QuantitySchema>;
export type Target = z.infer<typeof TargetSchema>;
export type Owners = z.infer<typeof OwnersSchema>;
export type Deadline = z.infer<typeof DeadlineSchema>;
export type Task = z.infer<typeof TaskSchema>;
export type Indicator = z.infer<typeof IndicatorSchema>;
export type Meta = z.infer<typeof MetaSchema>;
export type PlanKind = z.infer<typeof PlanKindSchema>;
export type Plan = z.infer<typeof PlanSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type PlanDocument = z.infer<typeof DocumentSchema>;

/** JSON Schema of the extract output, generated from the zod model (never written by hand). */
export function documentJsonSchema(): unknown {
  return z.toJSONSchema(DocumentSchema, { target: 'draft-2020-12' });
}
