// What the runner does with one analysed file, in this thread or in a worker: set it aside when
// it was found by walking a folder and is no plan; lint it with its configuration; apply the
// fixes (--fix). Failures are thrown and classified by the caller (run-files.ts, worker.ts).
import { notAPlan } from '../analysis/plan-likeness.js';
import type { Config } from '../config/schema.js';
import { lintFile, type LintResult } from '../lint/engine.js';
import type { Level, Locale } from '../lint/types.js';
import type { Analysis } from '../model/analysis.js';
import { fixFile, type FixOutcome } from './fix.js';

/** How files are linted: the same for every file of a run. */
export interface LintSettings {
  locale?: Locale;
  /** false: inline comments are ignored (--no-inline-config) */
  inlineConfig?: boolean;
  /** severity of unused disable comments (--report-unused-disable-directives) */
  reportUnusedDisableDirectives?: Level;
  /** apply the rules' fixes and rewrite the file (--fix) */
  fix?: boolean;
}

export interface OneFile {
  /** the file's rules; null: analyse only, do not lint */
  rules: Config['rules'] | null;
  /** found by walking a folder or a glob, rather than named: set aside when it is no plan */
  walked: boolean;
}

export type OneResult =
  | { skipped: 'no-plan-structure' }
  | { skipped?: undefined; analysis: Analysis; result: LintResult | null; fix: FixOutcome | null };

export type Reanalyse = (text: string, analysis: Analysis, sha256: string) => Promise<Analysis>;

export async function lintOne(file: string, analysis: Analysis, one: OneFile, settings: LintSettings, reanalyse: Reanalyse): Promise<OneResult> {
  if (one.walked && notAPlan(analysis)) return { skipped: 'no-plan-structure' };
  if (!one.rules) return { analysis, result: null, fix: null };
  const rules = one.rules;
  const relint = (a: Analysis) =>
    lintFile(a, { rules, locale: settings.locale, inlineConfig: settings.inlineConfig, reportUnusedDisableDirectives: settings.reportUnusedDisableDirectives });
  const result = relint(analysis);
  if (!settings.fix) return { analysis, result, fix: null };
  const fixed = await fixFile(file, analysis, result, (text, sha) => reanalyse(text, analysis, sha), relint);
  return { analysis: fixed.analysis, result: fixed.result, fix: fixed.outcome };
}
