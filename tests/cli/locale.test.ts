// Everything a person reads is in the chosen locale, complete in both. The readers and the walker
// state their reasons in English; src/run/problem-text.ts must say each of them in Chinese.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasChineseReason, reasonText } from '../../src/run/problem-text.js';
import { planLint, repo } from '../helpers/cli.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

/** The reasons written in src/ingest, src/pipeline.ts and src/run: error arguments, walker messages, constants. */
function englishReasons(): string[] {
  const files = [...sources(path.join(repo, 'src', 'ingest')), path.join(repo, 'src', 'pipeline.ts'), ...sources(path.join(repo, 'src', 'run'))];
  const found = new Set<string>();
  const literal = String.raw`(['\`])((?:(?!\1)[^\\]|\\.)*)\1`;
  const patterns = [
    new RegExp(String.raw`new (?:InputError|ReadError|NotTextError|PdfError|OutputError)\((?:[^,()]*,\s*)?` + literal, 'g'),
    new RegExp(String.raw`message: ` + literal, 'g'),
    new RegExp(String.raw`noBlocks: ` + literal, 'g'),
    new RegExp(String.raw`const TOO_LARGE = ` + literal, 'g'),
    new RegExp(String.raw`return ` + literal + ';', 'g'),
    new RegExp(String.raw`[?:] ` + literal, 'g'),
  ];
  for (const f of files) {
    if (f.endsWith('problem-text.ts')) continue;
    const text = readFileSync(f, 'utf8');
    for (const re of patterns) for (const m of text.matchAll(re)) {
      const s = m[2].replace(/\$\{[^}]*\}/g, 'X');
      // only reasons (lower-case English phrases), not code or Chinese
      if (/^[a-z][a-z .,:()%0-9'X/?-]+$/i.test(s) && / /.test(s) && !/[\u4e00-\u9fff]/.test(s)) found.add(s);
    }
  }
  // text of comments and the model's encoding note (data, not a message) are no reasons
  const notReasons = [/^plan-lint/, /rules\.X$/, /read as GB18030$/];
  return [...found].filter((r) => !notReasons.some((re) => re.test(r))).sort();
}

describe('input problems in Chinese', () => {
  const reasons = englishReasons();

  it('finds the reasons written in the sources (so the next check can fail)', () => {
    expect(reasons).toEqual(
      expect.arrayContaining(['binary data, not a plan text', 'no such file', 'permission denied', 'dangling symbolic link', 'empty path (an unset shell variable?)', 'no text layer: a scanned document needs OCR first']),
    );
    expect(reasons.length).toBeGreaterThan(20);
  });

  it.each(reasons)('"%s" has a Chinese text', (reason) => {
    expect(hasChineseReason(reason), reason).toBe(true);
    expect(reasonText(reason, 'zh')).toMatch(/[\u4e00-\u9fff]/);
    expect(reasonText(reason, 'en')).toBe(reason);
  });
});

describe('the command line in English', () => {
  it('--locale en: help, usage errors, messages and input problems in English', async () => {
    const help = await planLint(['--help', '--locale', 'en']);
    expect(help.stdout).toMatch(/^Usage: plan-lint \[options\] \[command\]/);
    expect(help.stdout).toMatch(/Compile Chinese planning documents/);
    expect(help.stdout).not.toMatch(/用法|选项：|命令：/);
    const bad = await planLint(['check', '--outptu', 'x', '--locale', 'en']);
    expect(bad.stderr).toBe("plan-lint: unknown option '--outptu' (did you mean --output?)\n(run plan-lint --help for usage)\n");
    const missing = await planLint(['check', 'gone.txt', '--locale', 'en']);
    expect(missing.stderr).toBe('plan-lint: gone.txt: no such file or directory\n');
  });

  it('the Chinese help lists every command and option with a Chinese description', async () => {
    for (const cmd of [[], ['check'], ['extract'], ['export'], ['diff'], ['report'], ['rules'], ['schema']]) {
      const r = await planLint([...cmd, '--help']);
      expect(r.status).toBe(0);
      // every item line (an option or a command with its description) has Chinese in it
      const items = r.stdout.split('\n').filter((l) => /^ {2}\S/.test(l) && / {2,}\S/.test(l.trim()));
      for (const line of items) expect(line, `${cmd.join(' ')}: ${line}`).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
