import { UserProblem } from '../util/errors.js';

/** An input that cannot be read or is not a plan text: `plan-lint: FILE: reason`, exit 2. */
export class InputError extends UserProblem {}
