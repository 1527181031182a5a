// The seeds by number, and plan-lint run in-process (tests/helpers/cli.ts).
import { seed as byName } from '../helpers/cli.js';

export { planLint, repo, seedsDir as seeds, workspace, cleanPlan } from '../helpers/cli.js';

export const seed = {
  '000': byName.district,
  '001': byName.city,
  '002': byName.county,
  '003': byName.workPoints,
  '004': byName.resort,
};
