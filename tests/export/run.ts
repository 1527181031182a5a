// `export` and `diff` as a user runs them, in-process (tests/helpers/cli.ts).
import { planLint as run, repo, workspace, fixture, type IOOptions } from '../helpers/cli.js';

export { repo, fixture };

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
  /** stdout as bytes (a BOM stays visible) */
  bytes: Buffer;
}

export async function planLintCmd(args: string[], opts: IOOptions = {}): Promise<Run> {
  const r = await run(args, opts);
  return { ...r, bytes: Buffer.from(r.stdout, 'utf8') };
}

/** A temporary folder, removed after the test file. */
export const scratch = () => workspace();
