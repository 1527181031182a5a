// The configuration file's shape (.planlintrc.yaml / .planlintrc.json / package.json#planLint),
// validated with zod; each rule's options are validated by the rule's own schema.
import { lazySchema } from '../util/zod.js';
import { UserProblem } from '../util/errors.js';
import { ruleById } from '../lint/rules/index.js';
import type { RuleSetting } from '../lint/engine.js';
import type { Level } from '../lint/types.js';

// built on first use: a run without a configuration file or --rule flags never loads zod
export const LevelSchema = lazySchema((z) => z.enum(['off', 'warn', 'error']));

export const ConfigFileSchema = lazySchema((z) => {
  const level = LevelSchema();
  /** `id: warn`, `id: [warn, {options}]` (ESLint style) or `id: {severity: warn, options: {…}}` */
  const RuleEntrySchema = z.union([
    level,
    z.tuple([level]).rest(z.unknown()),
    z.strictObject({ severity: level.optional(), options: z.unknown().optional() }),
  ]);
  return z.strictObject({
    $schema: z.string().optional(),
    rules: z.record(z.string(), RuleEntrySchema).default({}),
  });
});

export interface Config {
  /** where the configuration came from (null: defaults) */
  file: string | null;
  rules: Record<string, RuleSetting>;
}

/** An invalid configuration file: `plan-lint: FILE: key: reason`, exit 2. */
export class ConfigError extends UserProblem {}

function issuePath(path: PropertyKey[]): string {
  return path.map((p) => String(p)).join('.') || '(root)';
}

/** Validate parsed configuration data; throws ConfigError naming `file` and the key. */
export function validateConfig(data: unknown, file: string): Config {
  const r = ConfigFileSchema().safeParse(data ?? {});
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
  return { file, rules };
}

/** Parse `--rule ID=off|warn|error`. */
export function parseRuleFlag(flag: string): [string, Level] {
  const m = /^([a-z0-9-]+)\s*=\s*(\S+)$/.exec(flag.trim());
  if (!m) throw new Error(`--rule ${flag}: expected ID=off|warn|error`);
  if (!ruleById.has(m[1])) throw new Error(`--rule ${flag}: unknown rule "${m[1]}" (see plan-lint rules)`);
  const level = LevelSchema().safeParse(m[2]);
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
