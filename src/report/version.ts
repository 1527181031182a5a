// plan-lint's own package: its version, where it is installed (the rule docs ship in
// docs/rules/) and the address it publishes, if package.json gives one.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

interface PackageInfo {
  version: string;
  /** the folder holding package.json */
  root: string;
  /** `homepage`, else the web address of `repository`, else null (no address is made up) */
  homepage: string | null;
  /** the repository's web address, for links to files in it, else null */
  repository: string | null;
}

let cached: PackageInfo | null = null;

function webAddress(repo: unknown): string | null {
  const url = typeof repo === 'string' ? repo : typeof repo === 'object' && repo && 'url' in repo ? String((repo as { url: unknown }).url) : null;
  if (!url) return null;
  const m = /^(?:git\+)?(https:\/\/[^\s]+?)(?:\.git)?$/.exec(url) ?? /^github:(.+)$/.exec(url);
  if (!m) return null;
  return m[1].startsWith('https://') ? m[1] : `https://github.com/${m[1]}`;
}

export function packageInfo(): PackageInfo {
  if (cached) return cached;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  try {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: string; homepage?: unknown; repository?: unknown };
    const repository = webAddress(pkg.repository);
    cached = { version: String(pkg.version ?? '0.0.0'), root, homepage: typeof pkg.homepage === 'string' ? pkg.homepage : repository, repository };
  } catch {
    cached = { version: '0.0.0', root, homepage: null, repository: null };
  }
  return cached;
}

/** plan-lint's version from its package.json. */
export function toolVersion(): string {
  return packageInfo().version;
}
