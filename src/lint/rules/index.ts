// The rule catalog, in the order of SPEC's rule table.
import type { AnyRule } from '../types.js';
import { indicatorMissingTarget } from './indicator-missing-target.js';
import { indicatorMissingNature } from './indicator-missing-nature.js';
import { indicatorVagueTarget } from './indicator-vague-target.js';
import { indicatorCountMismatch } from './indicator-count-mismatch.js';
import { indicatorDuplicate } from './indicator-duplicate.js';
import { taskMissingOwner } from './task-missing-owner.js';
import { taskVagueOwner } from './task-vague-owner.js';
import { taskMissingDeadline } from './task-missing-deadline.js';
import { deadlineOutsidePeriod } from './deadline-outside-period.js';
import { placeholderText } from './placeholder-text.js';
import { headingSequence } from './heading-sequence.js';
import { ownerUnknown } from './owner-unknown.js';
import { garbledText } from './garbled-text.js';
import { tableUnread } from './table-unread.js';
import { inlineConfig } from './inline-config.js';
import { halfwidthPunctuation } from './halfwidth-punctuation.js';

export const rules: readonly AnyRule[] = [
  indicatorMissingTarget,
  indicatorMissingNature,
  indicatorVagueTarget,
  indicatorCountMismatch,
  indicatorDuplicate,
  taskMissingOwner,
  taskVagueOwner,
  taskMissingDeadline,
  deadlineOutsidePeriod,
  placeholderText,
  headingSequence,
  ownerUnknown,
  garbledText,
  tableUnread,
  inlineConfig,
  halfwidthPunctuation,
];

export const ruleById: ReadonlyMap<string, AnyRule> = new Map(rules.map((r) => [r.id, r]));
