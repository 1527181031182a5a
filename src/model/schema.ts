// The document model of `plan-lint extract` (SPEC "extract: the document model", schemaVersion 1).
// Every TypeScript type of the model is inferred from these schemas, and `plan-lint schema`
// prints the JSON Schema generated from them, so the three can never disagree.
import { z } from 'zod';
import { inputFormats } from '../ingest/formats.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const PointSchema = z.object({
  page: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('1-based page of a PDF input (absent for other formats); line and column then count in the text the PDF reader laid out'),
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
  text: z.string().describe('the time limit as written ("2022年底前", "持续推进"); for an inferred deadline, what it was inferred from'),
  date: isoDate.nullable().describe('the last day the text allows; null for a time limit that names no date ("长期坚持", "持续推进")'),
  inferred: z.boolean().describe('true where the task states no time limit and the plan period\'s end stands in'),
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

export const BaselineSchema = z
  .object({
    year: z.number().int().nullable().describe('the base year: from the column header ("2020年", "2020年基期值"), else from the cell ("60.6（2020年）"), else null'),
    text: z.string().describe('the base-year cell as written, e.g. "60.6", "—"'),
    value: z.number().nullable().describe('the number in the cell, null when it holds none'),
  })
  .describe('the base-year (基期/现状) column of an indicator table (extension to SPEC)');

export const IndicatorSchema = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string().nullable(),
  target: QuantitySchema,
  nature: z.enum(['binding', 'expected']).nullable(),
  baseline: BaselineSchema.nullable().describe('the base-year column of the row; null where the table has none (extension to SPEC)'),
  extra: z
    .record(z.string(), z.string())
    .describe('cells of the further columns of the table (年均/累计, 备注, 牵头单位 …), keyed by the column header as written, spaces removed (extension to SPEC)'),
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
  encodingNote: z
    .string()
    .nullable()
    .describe('how the encoding was chosen where the bytes left a doubt (damaged UTF-8 kept as UTF-8, GB18030 detected); null when it is certain (extension to SPEC)'),
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
export type Baseline = z.infer<typeof BaselineSchema>;
export type Meta = z.infer<typeof MetaSchema>;
export type PlanKind = z.infer<typeof PlanKindSchema>;
export type Plan = z.infer<typeof PlanSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type PlanDocument = z.infer<typeof DocumentSchema>;

/** JSON Schema of the extract output, generated from the zod model (never written by hand). */
export function documentJsonSchema(): unknown {
  return z.toJSONSchema(DocumentSchema, { target: 'draft-2020-12' });
}
