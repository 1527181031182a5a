// Validates SARIF logs against the SARIF 2.1.0 JSON schema (tests/fixtures/sarif-2.1.0-rtm.5.json,
// from the @microsoft/jest-sarif package, MIT). The schema is draft-04; Ajv reads it as draft-07
// after `id` → `$id`, which changes nothing else in this schema; one of its patterns
// ("^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$") is only valid without the u flag.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

const here = path.dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(readFileSync(path.join(here, '..', 'fixtures', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<string, unknown>;
delete schema.$schema;
schema.$id = schema.id;
delete schema.id;

// code.optimize off: Ajv then skips its passes over the generated code, which validates the same
// (compiling this schema: ~1.0 -> ~0.5 s of CPU, once in each worker that imports it)
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, code: { optimize: false } });
const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
addFormats(ajv);
const validate = ajv.compile(schema);

/** The schema errors of `log` ([] when valid). */
export function sarifErrors(log: unknown): string[] {
  if (validate(log)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
