// The lines of the seeds and the real documents (fixtures/seeds, fixtures/corpus: every .txt and
// .md), as written: what the tests of fast paths compare against the patterns they stand for.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repo } from './cli.js';

let memo: string[] | null = null;

/** Every line of the seeds' and real documents' .txt and .md files, line ends cut, in file order. */
export function fixtureLines(): string[] {
  return (memo ??= ['seeds', 'corpus'].flatMap((d) =>
    readdirSync(path.join(repo, 'fixtures', d))
      .filter((f) => /\.(txt|md)$/.test(f))
      .flatMap((f) => readFileSync(path.join(repo, 'fixtures', d, f), 'utf8').split(/\r?\n/)),
  ));
}
