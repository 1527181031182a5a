// A deterministic synthetic corpus built from the bundled fixtures: each file is a fixture with
// sections reordered, units renamed and numbers changed, so the benchmark reads varied text of
// the shapes plan-lint meets, not one file over and over.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** mulberry32: a small seeded generator, so every run builds the same corpus */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PREFIXES = ['东城', '西山', '南湖', '北岭', '青川', '白河', '金沙', '云岭', '玉泉', '长林'];

/** one varied copy of a plan text */
export function vary(text, rnd) {
  const paras = text.split(/\n\s*\n/);
  // reorder: swap some pairs of neighbouring paragraphs that open with the same numbering style
  for (let k = 0; k < paras.length / 8; k++) {
    const i = 1 + Math.floor(rnd() * (paras.length - 2));
    const a = paras[i].trimStart().slice(0, 2);
    const b = paras[i + 1].trimStart().slice(0, 2);
    if (/^[(（]/.test(a) && /^[(（]/.test(b)) [paras[i], paras[i + 1]] = [paras[i + 1], paras[i]];
  }
  const prefix = PREFIXES[Math.floor(rnd() * PREFIXES.length)];
  return paras
    .join('\n\n')
    // rename units: "区安监局" → "区东城安监局"
    .replace(/([区市县])([\u4e00-\u9fff]{1,6}(?:局|委|办|中心|大队|科))/g, (_, a, b) => (rnd() < 0.5 ? `${a}${prefix}${b}` : `${a}${b}`))
    // change numbers that are amounts, not years or numbering
    .replace(/(\d+(?:\.\d+)?)(?=\s*(?:%|人|起|个|支|小时|万|亿|座|处))/g, (m) => {
      const n = Number(m);
      const v = n * (0.5 + rnd());
      return m.includes('.') ? v.toFixed(m.split('.')[1].length) : String(Math.max(1, Math.round(v)));
    });
}

/**
 * Writes about `megabytes` MB of plans into `dir` (files of one format: txt or md) and returns
 * their paths. Sources: fixtures/seeds/*.txt or fixtures/md/*.md.
 */
export function buildCorpus(root, dir, megabytes, format, seed = 1) {
  const srcDir = path.join(root, 'fixtures', format === 'md' ? 'md' : 'seeds');
  const sources = readdirSync(srcDir)
    .filter((f) => f.endsWith(`.${format}`))
    .sort()
    .map((f) => readFileSync(path.join(srcDir, f), 'utf8'));
  mkdirSync(dir, { recursive: true });
  const rnd = random(seed);
  const files = [];
  let bytes = 0;
  const target = megabytes * 1024 * 1024;
  for (let i = 0; bytes < target; i++) {
    const text = vary(sources[i % sources.length], rnd);
    const file = path.join(dir, `plan-${String(i).padStart(6, '0')}.${format}`);
    writeFileSync(file, text);
    files.push(file);
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes };
}
