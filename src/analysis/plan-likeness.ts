// Whether a text found by walking a folder is a plan at all. `check .` in a repository meets
// README.md, CHANGELOG.md and notes beside the plans; linted as plans, their headings become
// "tasks" with no owner. The test is conservative — a file is set aside only when every sign
// says it is no plan; anything in doubt is linted (a file named on the command line always is).
import type { Analysis } from '../model/analysis.js';

/** Share of Chinese characters among the letters (CJK ideographs and Latin letters) of the text blocks. */
export function chineseShare(analysis: Analysis): number {
  let cjk = 0;
  let latin = 0;
  for (const b of analysis.blocks) {
    for (const ch of b.text) {
      const c = ch.codePointAt(0)!;
      if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x20000 && c <= 0x3134f)) cjk++;
      else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
    }
  }
  return cjk + latin === 0 ? 0 : cjk / (cjk + latin);
}

/**
 * Why `analysis` shows no plan structure, or null when it may be a plan: no plan title was
 * found, nothing a plan states was extracted (no indicator, 重点工程, quantified goal or plan
 * period), and the text is mostly not Chinese (fewer than half of its letters are Chinese
 * characters). A Chinese plan whose title was lost (a scraped page) still has Chinese text, and
 * a plan with an indicator table has indicators: both are linted.
 */
export function notAPlan(analysis: Analysis): 'no-plan-structure' | null {
  const plans = analysis.document.plans;
  if (plans.some((p) => p.title.trim())) return null;
  if (plans.some((p) => p.indicators.length || p.projects.length || p.targets.length || p.period)) return null;
  return chineseShare(analysis) < 0.5 ? 'no-plan-structure' : null;
}
