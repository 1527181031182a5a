// What every linting command (check, report) settles before it reads a file: the --rule flags
// and the --config file; then, per input, the configuration that governs it (found upwards,
// extends merged, overrides applied, --rule laid over). Notes about the configuration — a rule
// switched on that cannot report anything, two configuration files competing in one folder —
// are told once each through `note`.
import path from 'node:path';
import { ConfigResolver, readConfigFile } from '../config/load.js';
import { configText } from '../config/messages.js';
import { parseRuleFlag, withRuleFlags, type Config } from '../config/schema.js';
import { ruleOptions } from '../lint/engine.js';
import { ruleById, rules as catalog } from '../lint/rules/index.js';
import type { DefaultSeverity, Level } from '../lint/types.js';
import { STDIN } from '../ingest/walk.js';
import { say, type Locale } from '../util/i18n.js';
import { displayPath } from '../util/paths.js';

/** The configuration of each input: found upwards from its folder (or --config), --rule laid over. */
export interface ConfigSource {
  /** throws ConfigError for an invalid configuration file */
  forFile(file: string): Config;
}

export class UsageError extends Error {}

export interface ConfigSourceOptions {
  rule?: string[];
  config?: string;
  locale?: Locale;
  /** a line for standard error (notes about the configuration) */
  note?: (line: string) => void;
}

/**
 * The configuration source of a run. A bad --rule flag is a UsageError; an unreadable or
 * invalid --config file a ConfigError (both exit 2).
 */
export function configSource(opts: ConfigSourceOptions, cwd: string): ConfigSource {
  const locale = opts.locale ?? 'zh';
  let flags: [string, Level][];
  try {
    flags = (opts.rule ?? []).map((f) => parseRuleFlag(f, locale));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const note = opts.note ?? (() => {});
  const explicit = opts.config ? readConfigFile(path.resolve(cwd, opts.config), locale) : null;
  const resolver = new ConfigResolver(explicit, {
    locale,
    onCompeting: (dir, files) =>
      note(say(configText.competing, locale, { dir: path.resolve(dir) === path.resolve(cwd) ? '.' : displayPath(dir, cwd), files: files.map((f) => path.basename(f)).join(locale === 'zh' ? '、' : ', '), used: path.basename(files[0]) })),
  });
  const told = new Set<string>();
  /** a rule switched on (by a flag or a file) that cannot report anything with its options */
  const checkInert = (config: Config) => {
    for (const [id, setting] of Object.entries(config.rules)) {
      const rule = ruleById.get(id);
      if (!rule?.inert || !setting.level || setting.level === 'off') continue;
      const why = rule.inert(ruleOptions(rule, setting.options));
      if (!why) continue;
      const flag = flags.find(([f]) => f === id);
      const where = flag ? `--rule ${id}=${flag[1]}` : `${config.file ? displayPath(config.file, cwd) : '.'}: rules.${id}`;
      if (told.has(where)) continue;
      told.add(where);
      note(say(configText.inert, locale, { where, why: why[locale] }));
    }
  };
  return {
    forFile: (file) => {
      const config = withRuleFlags(file === STDIN ? resolver.forDir(cwd) : resolver.forFile(file), flags);
      checkInert(config);
      return config;
    },
  };
}

/** What `--print-config FILE` prints: every rule's severity and options for the file, and where they came from. */
export function printedConfig(config: Config, cwd: string) {
  const rules: Record<string, { severity: Level | DefaultSeverity; options?: unknown }> = {};
  for (const rule of catalog) {
    const setting = config.rules[rule.id];
    const options = ruleOptions(rule, setting?.options);
    const enabled = setting?.options !== undefined ? (rule.severityWhenConfigured?.(options) ?? null) : null;
    rules[rule.id] = { severity: setting?.level ?? enabled ?? rule.defaultSeverity, ...(rule.options ? { options } : {}) };
  }
  return {
    configFile: config.file ? displayPath(config.file, cwd) : null,
    sources: (config.sources ?? (config.file ? [config.file] : [])).map((f) => displayPath(f, cwd)),
    rules,
  };
}
