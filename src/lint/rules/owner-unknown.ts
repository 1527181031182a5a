import type { z } from 'zod';
import { lazySchema } from '../../util/zod.js';
import { namerOf } from '../../analysis/unit-names.js';
import { defineRule } from '../types.js';
import { editDistance, normName } from '../util.js';
import { examplePlan } from './examples.js';

// built when options are configured or documented, never on a plain run (zod stays unloaded)
export const OwnerUnknownOptions = lazySchema((z) =>
  z.strictObject({
    /** the known 责任单位 (full names as the plans write them) */
    units: z.array(z.string().min(1)).default([]),
    /** the most edits a name may be away from a known one to be offered as a hint; default: half its length, at least 2 */
    maxDistance: z.number().int().min(0).optional(),
  }),
);
export type OwnerUnknownOptions = z.infer<ReturnType<typeof OwnerUnknownOptions>>;

function isSubsequence(short: string, long: string): boolean {
  const l = [...long];
  let i = 0;
  for (const ch of short) {
    while (i < l.length && l[i] !== ch) i++;
    if (i === l.length) return false;
    i++;
  }
  return true;
}

/**
 * The known unit `unit` most likely means: the nearest by edit distance, offered only when it is
 * a plausible misspelling (one edit) or abbreviation/expansion (one name's characters inside the
 * other's, in order: 区应急局 ↔ 区应急管理局) within `maxDistance` edits.
 */
export function closestUnit(unit: string, known: string[], maxDistance?: number): string | null {
  const limit = maxDistance ?? Math.max(2, Math.floor([...unit].length * 0.5));
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const n = normName(k);
    const d = editDistance(unit, n);
    const plausible = d <= 1 || isSubsequence(unit, n) || isSubsequence(n, unit);
    if (plausible && d <= limit && d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}

export const ownerUnknown = defineRule({
  id: 'owner-unknown',
  defaultSeverity: 'off',
  severityWhenConfigured: (o) => (o.units.length > 0 ? 'warn' : null),
  inert: (o) =>
    o.units.length > 0
      ? null
      : {
          zh: 'owner-unknown 需要单位名单（rules.owner-unknown.options.units），未配置名单时不会报告任何问题',
          en: 'owner-unknown needs a list of units (rules.owner-unknown.options.units): without one it reports nothing',
        },
  get options() {
    return OwnerUnknownOptions();
  },
  defaultOptions: { units: [] },
  exampleOptions: { units: ['区应急管理局', '区气象局'] },
  messages: {
    unknown: { zh: '责任单位“{unit}”不在已知单位名单中', en: 'Unit "{unit}" is not in the list of known units' },
    hint: {
      zh: '责任单位“{unit}”不在已知单位名单中，是否为“{hint}”？',
      en: 'Unit "{unit}" is not in the list of known units; did you mean "{hint}"?',
    },
  },
  docs: {
    summary: {
      zh: '责任单位不在配置的单位名单中，并提示最接近的名称',
      en: 'A 责任单位 not in the configured list, with the closest known name as a hint',
    },
    what: {
      zh: '报告任务或工程项目的牵头或配合单位不在配置的已知单位名单中（`rules: { owner-unknown: { options: { units: [...] } } }`），并提示最接近的已知名称。泛称（各有关部门）由 task-vague-owner 处理。未配置名单时关闭；配置后默认为警告。',
      en:
      'Reports an owner (lead or support unit) of a task or project that is not in the configured list of known ' +
      'units (`rules: { owner-unknown: { options: { units: [...] } } }`), with the closest known name as a hint. ' +
      'Names are compared by their canonical form, so an official short form (区住建局 for 区住房和城乡建设局, ' +
      'grammars/unit-aliases.yaml) or a configured alias (`units: { aliases: { 区安监局: 区应急管理局 } }`) of a known unit is known. ' +
      'Collective phrases (各有关部门) are left to task-vague-owner. Off until a list is configured; on (warn) once one is.',
    },
    why: {
      zh: '机构改革会更名（区安监局 → 区应急管理局），草稿中也常有错别字；分给一个并不存在的单位的任务，等于没有分给任何人。',
      en: 'Units are renamed in reorganizations (区安监局 → 区应急管理局) and misspelled in drafts; a task assigned to a unit that does not exist is assigned to no one.',
    },
    failing: {
      text: examplePlan({
        tasks: [
          '(一)健全应急指挥体系。完善区应急指挥部运行机制。(责任单位:区应急管里局)',
          '(二)加强监测预警。建设综合监测预警平台。(责任单位:区应急管理局、区气象局)',
        ],
      }),
      reports: ['20:32'],
    },
    passing: { text: examplePlan() },
  },
  create(ctx) {
    if (ctx.options.units.length === 0) return {};
    // the known units named the way the facts name the plan's units
    const canonical = namerOf(ctx.analysis);
    const known = new Set(ctx.options.units.map((k) => canonical(normName(k))));
    return {
      task({ plan, task, facts }) {
        for (const unit of facts.units) {
          const u = normName(unit.name);
          if (!u || known.has(unit.canonical) || unit.collective) continue;
          const hint = closestUnit(u, ctx.options.units, ctx.options.maxDistance);
          const at = unit.span ?? ctx.source.headSpan(task.span);
          ctx.report({ messageId: hint ? 'hint' : 'unknown', data: { unit: u, hint: hint ?? '' }, ...at, plan: plan.index });
        }
      },
    };
  },
});
