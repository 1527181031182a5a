import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

let cached: string | null = null;

/** plan-lint's version from its package.json. */
export function toolVersion(): string {
  if (cached === null) {
    try {
      const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json');
      cached = String((JSON.parse(readFileSync(pkg, 'utf8')) as { version?: string }).version ?? '0.0.0');
    } catch {
      cached = '0.0.0';
    }
  }
  return cached;
}
