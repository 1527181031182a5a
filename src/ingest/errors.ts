/** Bad input: the CLI prints `plan-lint: <file>: <message>` on one line and exits 2. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
