// The configuration file's shape (.planlintrc.yaml / .planlintrc.json / package.json#planLint),
// validated with zod; each rule's options are validated by the rule's own schema.
import { z } from 'zod';
import { UserProblem } from '../util/errors.js';
import { ruleById } from '../lint/rules/index.js';
import type { RuleSetting } from '../lint/engine.js';
import type { Level } from '../lint/types.js';

export const LevelSchema = z.enum(['off', 'warn', 'error']);

/** `id: warn`, `id: [warn, {options}]` (ESLint style) or `id: {severity: warn, options: {…}}` */
const RuleEntrySchema = z.union([
  LevelSchema,
  z.tuple([LevelSchema]).rest(z.unknown()),
  z.strictObject({ severity: LevelSchema.optional(), options: z.unknown().optional() }),
]);

/** `units.aliases: {市市场监管局: 市市场监督管理局}`: names of one unit, each mapped to the one to count it under */
const UnitsSchema = z.strictObject({
  aliases: z.record(z.string().trim().min(1), z.string().trim().min(1)).default({}),
});

export const ConfigFileSchema = z.strictObject({
  $schema: z.string().optional(),
  rules: z.record(z.string(), RuleEntrySchema).default({}),
  units: UnitsSchema.optional(),
});

export interface Config {
  /** where the configuration came from (null: defaults) */
  file: string | null;
  rules: Record<string, RuleSetting>;
  /** unit names: `aliases` maps a name as written to the name it counts under (absent: none) */
  units?: { aliases: Record<string, string> };
}

/** An invalid configuration file: `plan-lint: FILE: key: reason`, exit 2. */
export class ConfigError extends UserProblem {}

function issuePath(path: PropertyKey[]): string {
  return path.map((p) => String(p)).join('.') || '(root)';
}

/** Validate parsed configuration data; throws ConfigError naming `file` and the key. */
export function validateConfig(data: unknown, file: string): Config {
  const r = ConfigFileSchema.safeParse(data ?? {});
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new ConfigError(file, `${issuePath(issue.path)}: ${issue.message}`);
  }
  const rules: Record<string, RuleSetting> = {};
  for (const [id, entry] of Object.entries(r.data.rules)) {
    const rule = ruleById.get(id);
    if (!rule) throw new ConfigError(file, `rules.${id}: unknown rule (see plan-lint rules)`);
    let level: Level | undefined;
    let options: unknown;
    if (typeof entry === 'string') level = entry;
    else if (Array.isArray(entry)) {
      level = entry[0];
      options = entry[1];
      if (entry.length > 2) throw new ConfigError(file, `rules.${id}: expected [severity, options]`);
    } else {
      level = entry.severity;
      options = entry.options;
    }
    if (options !== undefined) {
      if (!rule.options) throw new ConfigError(file, `rules.${id}.options: this rule takes no options`);
      const o = rule.options.safeParse({ ...(rule.defaultOptions ?? {}), ...(options as object) });
      if (typeof options !== 'object' || options === null || Array.isArray(options))
        throw new ConfigError(file, `rules.${id}.options: expected an object`);
      if (!o.success) {
        const issue = o.error.issues[0];
        throw new ConfigError(file, `rules.${id}.options.${issuePath(issue.path)}: ${issue.message}`);
      }
    }
    rules[id] = { ...(level ? { level } : {}), ...(options !== undefined ? { options } : {}) };
  }
  return { file, rules, ...(r.data.units ? { units: { aliases: r.data.units.aliases } } : {}) };
}

/** Parse `--rule ID=off|warn|error`. */
export function parseRuleFlag(flag: string): [string, Level] {
  const m = /^([a-z0-9-]+)\s*=\s*(\S+)$/.exec(flag.trim());
  if (!m) throw new Error(`--rule ${flag}: expected ID=off|warn|error`);
  if (!ruleById.has(m[1])) throw new Error(`--rule ${flag}: unknown rule "${m[1]}" (see plan-lint rules)`);
  const level = LevelSchema.safeParse(m[2]);
  if (!level.success) throw new Error(`--rule ${flag}: severity must be off, warn or error`);
  return [m[1], level.data];
}

/** The configuration with command-line severities laid over it. */
export function withRuleFlags(config: Config, flags: [string, Level][]): Config {
  if (flags.length === 0) return config;
  const rules = { ...config.rules };
  for (const [id, level] of flags) rules[id] = { ...rules[id], level };
  return { ...config, rules };
}
