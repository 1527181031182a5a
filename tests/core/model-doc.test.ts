// docs/model.md describes every field of the model: each property of the JSON Schema that
// `plan-lint schema` prints stands in one of its tables as `name`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentJsonSchema } from '../../src/model/schema.js';
import { repo } from '../helpers/cli.js';

interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

function fields(s: JsonSchema | undefined, out = new Set<string>()): Set<string> {
  if (!s) return out;
  for (const [k, v] of Object.entries(s.properties ?? {})) {
    out.add(k);
    fields(v, out);
  }
  fields(s.items, out);
  for (const a of s.anyOf ?? []) fields(a, out);
  return out;
}

describe('docs/model.md', () => {
  it('describes every field of the schema in a table row', () => {
    const doc = readFileSync(path.join(repo, 'docs', 'model.md'), 'utf8');
    const described = new Set([...doc.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]));
    const all = fields(documentJsonSchema() as JsonSchema);
    expect(all.size).toBeGreaterThan(40);
    expect([...all].filter((f) => !described.has(f)).sort()).toEqual([]);
  });
});
