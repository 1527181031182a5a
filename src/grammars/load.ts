// Loads the declarative patterns in grammars/*.yaml, validates them with zod and compiles
// their regular expressions once. A mistake in a grammar file is reported with its file and key.
import type { z } from 'zod';
import { lazySchema, regexString } from '../util/zod.js';
import { requiredChars } from './prefilter-memo.js';
import { readValidated } from './validated.js';

// The schemas are built only when a grammar file is validated (the build, or a file changed
// since): a run that finds every grammar in the build's cache never loads zod.
const schemaSet = lazySchema((z) => {
  const regex = regexString(z);
  const regexList = z.array(regex);

  const HeadingsSchema = z.strictObject({
    schemes: z.array(z.strictObject({ id: z.string(), pattern: regex, kind: z.enum(['item', 'caption']).default('item') })),
  });
  const SectionsSchema = z.strictObject({
    tasks: z.array(z.string()),
    closingRemarks: regexList,
    status: z.array(z.string()),
    goals: z.array(z.string()),
    guarantee: z.array(z.string()),
    projects: regexList,
    projectSchemes: z.array(z.string()),
    toc: regexList,
    salutations: regexList,
    attachmentBreaks: regexList,
  });
  const PlanTitlesSchema = z.strictObject({
    kinds: z.array(z.strictObject({ kind: z.enum(['plan', 'workPoints', 'taskBreakdown', 'other']), patterns: regexList })),
    titleEnd: regex,
    notTitle: regexList,
    maxLength: z.number().int().positive(),
    fiveYearPlans: z.record(z.string(), z.tuple([z.number().int(), z.number().int()])),
    fiveYearOrdinal: regex,
    citingWords: z.array(z.string().min(1)),
    fiveYearStarts: z.array(z.number().int()).min(1),
    openingTitleEnd: regex,
    openingNotTitle: regexList,
    printingWords: z.array(z.string().min(1)),
    wrapper: regex,
    namedSeparators: z.array(z.string().min(1)),
    periodLine: regex,
    attachmentLine: regex,
    oneYearWords: z.array(z.string().min(1)),
    minLaterTitleLength: z.number().int().positive(),
    implicitTitles: z.array(z.strictObject({ pattern: regex, title: z.string().min(1) })),
    periodSentences: regexList,
    baseYearSentences: regexList,
  });
  const MetaSchema = z.strictObject({
    labels: z.strictObject({
      indexNo: z.array(z.string()),
      docNumber: z.array(z.string()),
      issuer: z.array(z.string()),
      written: z.array(z.string()),
      published: z.array(z.string()),
    }),
    otherLabels: z.array(z.string()),
    emptyValues: z.array(z.string().min(1)),
    docNumberPattern: regex,
    issuerLine: regex,
  });
  const ChromeSchema = z.strictObject({
    maxLength: z.number().int().positive(),
    patterns: regexList,
    urlPattern: regex.default('https?://\\S+'),
    inline: regexList.default([]),
  });
  const ROLES = ['lead', 'responsible', 'support', 'assess', 'time', 'people', 'note'] as const;
  const OwnersSchema = z.strictObject({
    labels: z.array(z.strictObject({ pattern: regex, role: z.enum(ROLES) })),
    roleWords: z.array(z.strictObject({ pattern: regex, role: z.enum(ROLES) })),
    conventions: regexList,
    leadMark: regex,
    timeWords: z.array(z.string()),
    timeVerbs: z.array(z.string()),
    maxTimeTail: z.number().int().min(0),
    separators: regex,
    trailingCollective: regex,
    collectives: z.strictObject({ exact: z.array(z.string().min(1)), prefixes: z.array(z.string().min(1)) }),
    unitEndings: z.array(z.string()),
    notUnitEndings: z.array(z.string()),
    maxLength: z.number().int().positive(),
  });
  const DeadlinesSchema = z.strictObject({
    patterns: z.array(
      z.strictObject({
        pattern: regex,
        // YEAR-MONTH-DAY, as grammars/deadlines.yaml explains
        date: z.string().regex(/^(?:\{Y\}|\{plan\}|\{end\}|\{fyp\}|\d{4})-(?:\{M\}|\d{1,2})-(?:\{D\}|end|\d{1,2})$/, 'a date template: YEAR-MONTH-DAY ({Y}|{plan}|{end}|{fyp}|digits - {M}|digits - {D}|end|digits)'),
        needsYear: z.enum(['single']).optional(),
        weak: z.boolean().default(false),
      }),
    ),
    timeExpression: regex,
    inferred: z.strictObject({ period: z.string(), year: z.string() }),
  });
  const QuantitiesSchema = z.strictObject({
    comparators: z.strictObject({ le: z.array(z.string()), ge: z.array(z.string()), lt: z.array(z.string()), gt: z.array(z.string()), eq: z.array(z.string()) }),
    tails: z.array(z.strictObject({ word: z.string(), comparator: z.enum(['lt', 'le', 'eq', 'ge', 'gt']).nullable() })),
    durationUnits: z.array(z.string()),
    rangeMarks: z.array(z.string()),
    magnitudes: z.array(z.string()),
    changes: z.strictObject({ decrease: z.array(z.string()), increase: z.array(z.string()) }),
    units: z.array(z.string()),
    goalWords: z.array(z.string()),
    vague: z.strictObject({ phrases: z.array(z.string()), modifiers: z.array(z.string()), directions: z.array(z.string()) }),
  });
  const TableSchema = z.strictObject({
    columns: z.strictObject({
      index: regexList,
      category: regexList,
      name: regexList,
      unit: regexList,
      base: regexList,
      target: regexList,
      nature: regexList,
    }),
    extraColumns: regexList.default([]),
    targetFallback: regexList.default([]),
    maxExtraHeader: z.number().int().positive().default(12),
    unitInName: regex.default('[(]([^()]{1,10})[)]$'),
    nameUnits: z.array(z.string().min(1)).default([]),
    natures: z.strictObject({ binding: regexList, expected: regexList }),
    groupRow: regex,
    targetCell: regex,
    tableEnd: regexList,
    maxLines: z.number().int().positive(),
  });
  const VariantsSchema = z.strictObject({ pairs: z.string() });
  const TaskTableSchema = z.strictObject({
    columns: z.strictObject({
      index: regexList,
      category: regexList,
      task: regexList,
      project: regexList,
      detail: regexList,
      other: regexList,
      lead: regexList,
      support: regexList,
      deadline: regexList,
      target: regexList,
    }),
  });

  return {
    'headings.yaml': HeadingsSchema,
    'sections.yaml': SectionsSchema,
    'plan-titles.yaml': PlanTitlesSchema,
    'meta.yaml': MetaSchema,
    'page-chrome.yaml': ChromeSchema,
    'owners.yaml': OwnersSchema,
    'deadlines.yaml': DeadlinesSchema,
    'quantities.yaml': QuantitiesSchema,
    'indicator-table.yaml': TableSchema,
    'task-table.yaml': TaskTableSchema,
    'variants.yaml': VariantsSchema,
    'variants-extra.yaml': VariantsSchema,
  };
});

type Schemas = ReturnType<typeof schemaSet>;
type GrammarFile = keyof Schemas;
type Data<F extends GrammarFile> = z.infer<Schemas[F]>;

/** The schema of each grammar file this module loads (tests validate the files against them). */
export function grammarSchemas(): Record<string, z.ZodType> {
  return schemaSet();
}

export class GrammarError extends Error {}

const load = <F extends GrammarFile>(file: F): Data<F> =>
  readValidated(file, () => schemaSet()[file] as unknown as z.ZodType<Data<F>>, (m) => new GrammarError(m));

const re = (s: string, flags = 'u') => new RegExp(s, flags);
const anyOf = (list: string[]) => re(list.map((s) => `(?:${s})`).join('|'));
/** The prefilter of a list of patterns joined into one (src/grammars/prefilter.ts), null when there is none. */
const joinedQuick = (list: string[]) => (list.length ? requiredChars(list.map((s) => `(?:${s})`).join('|'), 'u') : null);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Owner-clause grammar: labels with their colon, role words anchored at a part's end. */
function compileOwners(owners: Data<'owners.yaml'>) {
  const exact = owners.labels.map((l) => ({ re: re(`^(?:${l.pattern})$`), role: l.role }));
  const longest = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length);
  return {
    /** a label and its colon (text folded: ：is :); group 1 is the label */
    labelWithColon: re(`(${owners.labels.map((l) => l.pattern).join('|')})\\s*:`, 'gu'),
    /** each label at the start of a text: what a label can begin with (src/extract/clause.ts) */
    labelStarts: owners.labels.map((l) => re(`^(?:${l.pattern})`)),
    roleOfLabel: (label: string) => exact.find((l) => l.re.test(label.replace(/\s+/g, '')))?.role ?? 'lead',
    roleWords: owners.roleWords.map((w) => ({ re: re(`(?:${w.pattern})$`), role: w.role })),
    /**
     * Any role word anywhere in a text, one scan: a part can end with a role word only if the
     * whole text holds one. Null when a pattern depends on what stands around it (anchors,
     * lookarounds, word boundaries): then that shortcut would not be exact.
     */
    anyRoleWord: owners.roleWords.some((w) => /\(\?<?[=!]|[\^$]|\\[bB]/.test(w.pattern))
      ? null
      : re(owners.roleWords.map((w) => `(?:${w.pattern})`).join('|')),
    convention: anyOf(owners.conventions),
    leadMark: re(owners.leadMark),
    timeWords: longest(owners.timeWords),
    timeVerbs: longest(owners.timeVerbs),
    maxTimeTail: owners.maxTimeTail,
    separators: re(owners.separators),
    trailingCollective: re(owners.trailingCollective),
    collectives: { exact: new Set(owners.collectives.exact), prefixes: owners.collectives.prefixes },
    unitEnding: re(`(?:${longest(owners.unitEndings).map(escape).join('|')})$`),
    unitEndingChars: new Set(owners.unitEndings.map((e) => e.slice(-1))),
    notUnitEnding: re(`(?:${longest(owners.notUnitEndings).map(escape).join('|')})$`),
    maxLength: owners.maxLength,
  };
}

function compile() {
  const headings = load('headings.yaml');
  const sections = load('sections.yaml');
  const titles = load('plan-titles.yaml');
  const meta = load('meta.yaml');
  const chrome = load('page-chrome.yaml');
  const owners = load('owners.yaml');
  const deadlines = load('deadlines.yaml');
  const quantities = load('quantities.yaml');
  const table = load('indicator-table.yaml');
  const taskTable = load('task-table.yaml');
  const variants = load('variants.yaml');
  const variantsExtra = load('variants-extra.yaml');

  const variantMap = new Map<string, string>();
  for (const pair of `${variants.pairs} ${variantsExtra.pairs}`.split(/\s+/).filter(Boolean)) {
    const chars = [...pair];
    if (chars.length === 2 && chars[0] !== chars[1]) variantMap.set(chars[0], chars[1]);
  }

  return {
    headings: headings.schemes.map((s) => ({ id: s.id, kind: s.kind, re: re(s.pattern) })),
    sections: {
      tasks: anyOf(sections.tasks.map(escape)),
      closingRemark: anyOf(sections.closingRemarks),
      status: anyOf(sections.status.map(escape)),
      goals: anyOf(sections.goals.map(escape)),
      guarantee: anyOf(sections.guarantee.map(escape)),
      projects: sections.projects.map((p) => re(p)),
      projectSchemes: new Set(sections.projectSchemes),
      toc: sections.toc.map((p) => re(p)),
      /** the characters a line must hold to be a TOC marker (null: unknown) */
      tocQuick: joinedQuick(sections.toc),
      salutation: anyOf(sections.salutations),
      attachmentBreak: anyOf(sections.attachmentBreaks),
    },
    titles: {
      kinds: titles.kinds.map((k) => ({ kind: k.kind, res: k.patterns.map((p) => re(p)) })),
      titleEnd: re(titles.titleEnd),
      notTitle: titles.notTitle.map((p) => re(p)),
      maxLength: titles.maxLength,
      fiveYearPlans: Object.entries(titles.fiveYearPlans),
      fiveYearOrdinal: re(titles.fiveYearOrdinal),
      cited: re(`《[^》]*》|(?:${titles.citingWords.map(escape).join('|')}).+?的`, 'gu'),
      fiveYearStarts: titles.fiveYearStarts,
      openingTitleEnd: re(titles.openingTitleEnd),
      openingNotTitle: titles.openingNotTitle.map((p) => re(p)),
      printing: anyOf(titles.printingWords.map(escape)),
      wrapper: re(titles.wrapper),
      namedBefore: re(`(?:${titles.namedSeparators.map(escape).join('|')})$`),
      namedAfter: re(`^(?:${titles.namedSeparators.map(escape).join('|')})`),
      periodLine: re(titles.periodLine),
      attachmentLine: re(titles.attachmentLine),
      oneYearWords: anyOf(titles.oneYearWords.map(escape)),
      minLaterTitleLength: titles.minLaterTitleLength,
      implicitTitles: titles.implicitTitles.map((t) => ({ re: re(t.pattern), title: t.title })),
      periodSentences: titles.periodSentences.map((p) => re(p)),
      baseYearSentences: titles.baseYearSentences.map((p) => re(p)),
    },
    meta,
    metaDocNumber: re(meta.docNumberPattern),
    metaIssuerLine: re(meta.issuerLine),
    chrome: {
      maxLength: chrome.maxLength,
      re: anyOf(chrome.patterns),
      url: re(chrome.urlPattern, 'gu'),
      inline: chrome.inline.length ? re(chrome.inline.map((s) => `(?:${s})`).join('|'), 'gu') : null,
      /** characters a line must hold for `inline` to match in it (src/grammars/prefilter.ts) */
      inlineQuick: chrome.inline.length ? requiredChars(chrome.inline.map((s) => `(?:${s})`).join('|'), 'u') : null,
    },
    owners: compileOwners(owners),
    deadlines: deadlines.patterns.map((p) => ({ re: re(p.pattern, 'gu'), date: p.date, needsYear: p.needsYear, weak: p.weak })),
    timeExpression: re(deadlines.timeExpression),
    // the same expression at the start of a longer part ("5月底取得阶段性成效"): its end anchor dropped
    timeLead: re(deadlines.timeExpression.replace(/\$$/, '')),
    inferredDeadline: deadlines.inferred,
    quantities,
    table: {
      columns: Object.fromEntries(Object.entries(table.columns).map(([k, v]) => [k, v.map((p) => re(p))])) as Record<
        keyof typeof table.columns,
        RegExp[]
      >,
      binding: table.natures.binding.map((p) => re(p)),
      expected: table.natures.expected.map((p) => re(p)),
      extraColumns: table.extraColumns.map((p) => re(p)),
      targetFallback: table.targetFallback.map((p) => re(p)),
      maxExtraHeader: table.maxExtraHeader,
      unitInName: re(table.unitInName),
      nameUnits: table.nameUnits,
      groupRow: re(table.groupRow),
      targetCell: re(table.targetCell),
      tableEnd: table.tableEnd.map((p) => re(p)),
      maxLines: table.maxLines,
    },
    taskTable: Object.fromEntries(Object.entries(taskTable.columns).map(([k, v]) => [k, v.map((p) => re(p))])) as Record<
      keyof typeof taskTable.columns,
      RegExp[]
    >,
    variants: variantMap,
  };
}

export type Grammars = ReturnType<typeof compile>;
let cached: Grammars | null = null;

/** The compiled grammars; loaded on first use and shared by every later call. */
export function grammars(): Grammars {
  cached ??= compile();
  return cached;
}
