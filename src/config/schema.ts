// The configuration file's shape (.planlintrc.yaml / .json / .cjs / .js, package.json#planLint),
// ESLint-like: `rules`, `extends` (other configuration files, relative to this one) and
// `overrides` (rules for files matching globs). Every error names the key, says what is allowed
// and what was found, in the chosen locale; a misspelled rule id or key gets the closest name.
import type { z } from 'zod';
import { lazySchema } from '../util/zod.js';
import { UserProblem } from '../util/errors.js';
import { say, listOf, type Locale } from '../util/i18n.js';
import { closest } from '../util/suggest.js';
import { ruleById, rules as catalog } from '../lint/rules/index.js';
import type { RuleSetting } from '../lint/engine.js';
import type { Level } from '../lint/types.js';
import { configText as T, sizeUnits, typeNames } from './messages.js';

export const levels = ['off', 'warn', 'error'] as const;
// built on first use: a run without a configuration file or --rule flags never loads zod
export const LevelSchema = lazySchema((z) => z.enum(levels));

const schemas = lazySchema((z) => {
  const globs = z.union([z.string().min(1), z.array(z.string().min(1))]);
  /** `units.aliases: {市市场监管局: 市市场监督管理局}`: names of one unit, each mapped to the one to count it under */
  const UnitsSchema = z.strictObject({
    aliases: z.record(z.string().trim().min(1), z.string().trim().min(1)).default({}),
  });
  const OverrideSchema = z.strictObject({
    files: globs,
    excludedFiles: globs.optional(),
    rules: z.record(z.string(), z.unknown()).optional(),
  });
  /** The top-level keys; rule entries are checked one by one below (ruleSetting), for messages that say what is allowed. */
  const ConfigFileSchema = z.strictObject({
    $schema: z.string().optional(),
    extends: globs.optional(),
    rules: z.record(z.string(), z.unknown()).default({}),
    overrides: z.array(OverrideSchema).optional(),
    units: UnitsSchema.optional(),
  });
  return { OverrideSchema, ConfigFileSchema };
});
export const ConfigFileSchema = () => schemas().ConfigFileSchema;
const OverrideSchema = () => schemas().OverrideSchema;

/** Rules for the files matching `files` (and not `excludedFiles`), globs relative to `base`. */
export interface Override {
  files: string[];
  excludedFiles: string[];
  /** the folder of the configuration file that declared it */
  base: string;
  rules: Record<string, RuleSetting>;
}

export interface Config {
  /** where the configuration came from (null: defaults) */
  file: string | null;
  rules: Record<string, RuleSetting>;
  /** unit names: `aliases` maps a name as written to the name it counts under (absent: none) */
  units?: { aliases: Record<string, string> };
  /** per-glob rules, in the order they apply (later ones win); absent: none */
  overrides?: Override[];
  /** the files read for it, extended ones first (absent: only `file`) */
  sources?: string[];
}

/** A configuration file as written: its own rules and overrides, and what it extends (resolved by load.ts). */
export interface ConfigFile extends Config {
  extends: string[];
}

/** An invalid configuration file: `plan-lint: FILE: key: reason`, exit 2. */
export class ConfigError extends UserProblem {}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** A value as a message shows it: JSON, cut short. */
export function shown(value: unknown): string {
  let s: string;
  try {
    s = value === undefined ? 'undefined' : JSON.stringify(value);
  } catch {
    s = String(value);
  }
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}

function hintFor(word: string, known: readonly string[], locale: Locale): string {
  const h = closest(word, known);
  return h ? say(T.hint, locale, { hint: h }) : '';
}

/** One zod issue as a line that names the key, what is allowed and what was found. */
export function issueLine(issue: z.core.$ZodIssue, base: string, locale: Locale, allowedKeys: readonly string[] = []): string {
  const path = [base, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)';
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = typeNames[issue.expected]?.[locale] ?? issue.expected;
      return say(input === undefined ? T.missing : T.expected, locale, { path, expected, got: shown(input) });
    }
    case 'invalid_value':
      return say(T.oneOf, locale, { path, values: listOf(issue.values.map((v) => String(v)), locale), got: shown(input) });
    case 'unrecognized_keys': {
      const key = issue.keys[0];
      return say(T.unknownKey, locale, { path, key, keys: allowedKeys.join(locale === 'zh' ? '、' : ', '), hint: hintFor(key, allowedKeys, locale) });
    }
    case 'too_small':
      return say(T.tooSmall, locale, { path, minimum: String(issue.minimum), unit: sizeUnits[issue.origin]?.[locale] ?? '' }).trimEnd();
    case 'too_big':
      return say(T.tooBig, locale, { path, maximum: String(issue.maximum), unit: sizeUnits[issue.origin]?.[locale] ?? '' }).trimEnd();
    case 'invalid_union': {
      // the first alternative that got furthest says most
      const inner = issue.errors.find((e) => e.length)?.[0];
      return inner ? issueLine({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue, base, locale, allowedKeys) : say(T.other, locale, { path, message: issue.message });
    }
    default:
      return say(T.other, locale, { path, message: issue.message });
  }
}

/** The keys a zod object schema takes (for "allowed: …" in messages). */
function keysOf(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | null)?.shape;
  return shape ? Object.keys(shape) : [];
}

function level(value: unknown, path: string, file: string, locale: Locale): Level {
  const r = LevelSchema().safeParse(value);
  if (r.success) return r.data;
  const numeric = typeof value === 'number' || (typeof value === 'string' && /^[012]$/.test(value)) ? T.numeric[locale] : '';
  throw new ConfigError(file, say(T.badLevel, locale, { path, got: shown(value), numeric }));
}

/** One entry of `rules`: a severity, [severity, options] or {severity, options}, with its options checked by the rule. */
export function ruleSetting(id: string, entry: unknown, path: string, file: string, locale: Locale): RuleSetting {
  const rule = ruleById.get(id);
  const ids = catalog.map((r) => r.id);
  if (!rule) throw new ConfigError(file, say(T.unknownRule, locale, { path, id, hint: hintFor(id, ids, locale) }));
  let lvl: Level | undefined;
  let options: unknown;
  if (typeof entry === 'string' || typeof entry === 'number') lvl = level(entry, path, file, locale);
  else if (Array.isArray(entry)) {
    if (entry.length < 1 || entry.length > 2) throw new ConfigError(file, say(T.tuple, locale, { path, count: entry.length }));
    lvl = level(entry[0], `${path}[0]`, file, locale);
    options = entry[1];
  } else if (entry !== null && typeof entry === 'object') {
    const o = entry as Record<string, unknown>;
    const allowed = ['severity', 'options'];
    const extra = Object.keys(o).find((k) => !allowed.includes(k));
    if (extra !== undefined) throw new ConfigError(file, say(T.unknownKey, locale, { path, key: extra, keys: allowed.join(locale === 'zh' ? '、' : ', '), hint: hintFor(extra, allowed, locale) }));
    if (o.severity !== undefined) lvl = level(o.severity, `${path}.severity`, file, locale);
    options = o.options;
  } else throw new ConfigError(file, say(T.badEntry, locale, { path, got: shown(entry) }));
  if (options !== undefined) {
    const at = Array.isArray(entry) ? `${path}[1]` : `${path}.options`;
    if (!rule.options) throw new ConfigError(file, say(T.noOptions, locale, { path: at }));
    if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new ConfigError(file, say(T.optionsObject, locale, { path: at, got: shown(options) }));
    const r = rule.options.safeParse({ ...(rule.defaultOptions ?? {}), ...(options as object) }, { reportInput: true });
    if (!r.success) throw new ConfigError(file, issueLine(r.error.issues[0], at, locale, keysOf(rule.options)));
  }
  return { ...(lvl ? { level: lvl } : {}), ...(options !== undefined ? { options } : {}) };
}

function ruleSettings(rules: Record<string, unknown>, path: string, file: string, locale: Locale): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const [id, entry] of Object.entries(rules)) out[id] = ruleSetting(id, entry, `${path}.${id}`, file, locale);
  return out;
}

/** Validate parsed configuration data; throws ConfigError naming `file` and the key. */
export function validateConfig(data: unknown, file: string, locale: Locale = 'en'): ConfigFile {
  const r = ConfigFileSchema().safeParse(data ?? {}, { reportInput: true });
  if (!r.success) {
    // a misspelled key says more than the missing key it was meant to be
    const issue = r.error.issues.find((i) => i.code === 'unrecognized_keys') ?? r.error.issues[0];
    // a key misspelled inside an override names the override's keys
    const inOverride = issue.path[0] === 'overrides' && issue.code === 'unrecognized_keys';
    throw new ConfigError(file, issueLine(issue, '', locale, inOverride ? keysOf(OverrideSchema()) : keysOf(ConfigFileSchema())));
  }
  const base = file.replace(/[\\/][^\\/]*$/, '') || '.';
  // keys added to the schema beside rules (settings other parts of plan-lint read) are carried as they are
  const { $schema: _schema, extends: _extends, rules: _rules, overrides: _overrides, ...settings } = r.data;
  const overrides: Override[] = (r.data.overrides ?? []).map((o, i) => ({
    files: list(o.files),
    excludedFiles: list(o.excludedFiles),
    base,
    rules: ruleSettings(o.rules ?? {}, `overrides[${i}].rules`, file, locale),
  }));
  return {
    ...settings,
    file,
    rules: ruleSettings(r.data.rules, 'rules', file, locale),
    ...(overrides.length ? { overrides } : {}),
    extends: list(r.data.extends),
  };
}

/** Parse `--rule ID=off|warn|error`. */
export function parseRuleFlag(flag: string, locale: Locale = 'en'): [string, Level] {
  const m = /^([A-Za-z0-9-]+)\s*=\s*(\S+)$/.exec(flag.trim());
  if (!m) throw new Error(say(T.ruleFlag, locale, { flag }));
  if (!ruleById.has(m[1])) throw new Error(say(T.ruleFlagUnknown, locale, { flag, id: m[1], hint: hintFor(m[1], catalog.map((r) => r.id), locale) }));
  const lvl = LevelSchema().safeParse(m[2]);
  if (!lvl.success) throw new Error(say(T.ruleFlagLevel, locale, { flag }));
  return [m[1], lvl.data];
}

/** Settings laid over others: a later severity wins; options given later replace earlier ones. */
export function mergeRules(...layers: Record<string, RuleSetting>[]): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const layer of layers) for (const [id, s] of Object.entries(layer)) rules[id] = { ...rules[id], ...s };
  return rules;
}

/** The configuration with command-line severities laid over it. */
export function withRuleFlags(config: Config, flags: [string, Level][]): Config {
  if (flags.length === 0) return config;
  const rules = { ...config.rules };
  for (const [id, lvl] of flags) rules[id] = { ...rules[id], level: lvl };
  return { ...config, rules };
}
