// The kinds of failure a run reports, told apart by class (never by message or `name`):
// a UserProblem names the file a user gave (an input, a configuration, an output path) and is
// printed as one line, `plan-lint: FILE: reason`, with exit code 2. Anything else is a bug,
// reported as an internal error naming the file it happened on.
export class UserProblem extends Error {
  constructor(
    /** the file as the user named it (or as found: a configuration file) */
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}
