// Canonical unit names: the name a unit is counted and compared under, wherever plan-lint counts
// or compares units (facts, the report's charts, export, owner-unknown, diff). Two sources: the
// built-in official short forms (grammars/unit-aliases.yaml: 区住建局 → 区住房和城乡建设局) and
// the configuration's `units.aliases` (whole names: 区安监局 → 区应急管理局). The extract model
// keeps every name as written; the canonical name is a fact beside it.
import { unitAliasesGrammar } from '../grammars/unit-aliases.js';
import type { Analysis, TaskFacts, UnitFact } from '../model/analysis.js';
import { foldKey } from '../normalize/piece.js';

/** A name as compared: folded (traditional → simplified, full-width → half-width), no spaces. */
export const unitKey = (name: string): string => foldKey(name).replace(/\s+/gu, '');

interface Builtin {
  /** folded short or full form → full name */
  forms: Map<string, string>;
  levels: string[];
  longest: number;
}

let builtin: Builtin | null = null;

function compileBuiltin(): Builtin {
  const g = unitAliasesGrammar();
  const forms = new Map<string, string>();
  for (const [full, shorts] of Object.entries(g.names)) {
    forms.set(unitKey(full), full);
    for (const s of shorts) forms.set(unitKey(s), full);
  }
  return { forms, levels: g.levels.map(unitKey), longest: Math.max(...[...forms.keys()].map((k) => k.length)) };
}

/** The built-in list applied to a folded name: the longest form the name ends with, after a level prefix. */
function expandShortForm(key: string): string {
  builtin ??= compileBuiltin();
  const { forms, levels, longest } = builtin;
  for (let i = Math.max(0, key.length - longest); i < key.length; i++) {
    const full = forms.get(key.slice(i));
    if (full === undefined) continue;
    const prefix = key.slice(0, i);
    if (prefix === '' || levels.some((l) => prefix.endsWith(l))) return prefix + full;
  }
  return key;
}

/** Maps a unit name to its canonical name. */
export type UnitNamer = (name: string) => string;

/**
 * The canonical name of a unit: the configured alias of the whole name if there is one, then the
 * built-in short forms expanded. Folded, so 區住建局 and 区住建局 are one unit.
 */
export function unitNamer(aliases: Record<string, string> = {}): UnitNamer {
  const configured = new Map(Object.entries(aliases).map(([from, to]) => [unitKey(from), unitKey(to)]));
  const memo = new Map<string, string>();
  return (name) => {
    let hit = memo.get(name);
    if (hit === undefined) {
      const key = unitKey(name);
      hit = expandShortForm(configured.get(key) ?? key);
      memo.set(name, hit);
    }
    return hit;
  };
}

/** The built-in namer (no configured aliases), shared. */
let plain: UnitNamer | null = null;
export const builtinUnitNamer = (): UnitNamer => (plain ??= unitNamer());

/** A unit's fact with its canonical name; its span stays a getter, looked up only when asked for. */
export function namedUnit(u: Omit<UnitFact, 'canonical'>, canonical: UnitNamer): UnitFact {
  return {
    name: u.name,
    role: u.role,
    collective: u.collective,
    get span() {
      return u.span;
    },
    canonical: canonical(u.name),
  };
}

/** The unit a task counts under: its first lead, else its first unit, by its canonical name. */
export function countedUnit(units: UnitFact[]): string | null {
  const first = units.find((u) => u.role === 'lead') ?? units[0];
  return first ? first.canonical : null;
}

/** The facts of a task's units and the unit it counts under, named by `canonical`. */
export function namedUnits(units: Omit<UnitFact, 'canonical'>[], canonical: UnitNamer): Pick<TaskFacts, 'units' | 'unit'> {
  // plain objects with a getter, not copies by property descriptors (those fall into slow
  // dictionary mode, 4 % of a run)
  const named = units.map((u) => namedUnit(u, canonical));
  return { units: named, unit: countedUnit(named) };
}

/**
 * Lays the configuration's `units.aliases` over an analysis' facts: every unit's canonical name
 * and the unit each task counts under. The facts record the aliases they were named with, so
 * owner-unknown names its list of known units the same way.
 */
export function applyUnitAliases(analysis: Analysis, aliases: Record<string, string> | undefined): Analysis {
  if (!aliases || Object.keys(aliases).length === 0) return analysis;
  const canonical = unitNamer(aliases);
  const rename = (t: TaskFacts): TaskFacts => ({ ...t, ...namedUnits(t.units, canonical) });
  const plans = analysis.facts.plans.map((p) => ({ ...p, tasks: p.tasks.map(rename), projects: p.projects.map(rename) }));
  return { ...analysis, facts: { ...analysis.facts, plans, unitAliases: { ...aliases } } };
}

/** The namer the facts of an analysis were named with. */
export const namerOf = (analysis: Pick<Analysis, 'facts'>): UnitNamer =>
  analysis.facts.unitAliases && Object.keys(analysis.facts.unitAliases).length ? unitNamer(analysis.facts.unitAliases) : builtinUnitNamer();
