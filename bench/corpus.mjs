// A deterministic synthetic corpus built from the bundled fixtures: each file is a fixture with
// sections reordered, units renamed and numbers changed, so the benchmark reads varied text of
// the shapes plan-lint meets, not one file over and over. The kinds are what users have:
//
//   txt        the seeds as scraped (ASCII punctuation: the kind plan-lint has been tuned on)
//   txt-fw     the seeds with full-width punctuation （，：；％）, as real plans are written
//   md         the Markdown renditions in fixtures/md (full-width already, GFM tables)
//   html       the same as government web pages (navigation, <p> paragraphs, <table>s)
//   real       the real documents of fixtures/corpus (.txt and .md, damage and all)
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
    if (i + 1 >= paras.length) continue;
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
    .replace(/(\d+(?:\.\d+)?)(?=\s*(?:%|％|人|起|个|支|小时|万|亿|座|处))/g, (m) => {
      const n = Number(m);
      const v = n * (0.5 + rnd());
      return m.includes('.') ? v.toFixed(m.split('.')[1].length) : String(Math.max(1, Math.round(v)));
    });
}

/** ASCII , : ; ( ) % → ，：；（）％ (the renditions test's full-width punctuation) */
export const fullWidth = (t) => t.replace(/[,:;()%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A Markdown plan as a government web page prints it (as tests/core/render.ts does). */
export function htmlPage(md) {
  const lines = md.split('\n');
  const body = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim()) continue;
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      body.push(h[1].length === 1 ? `<h1 class="title">${esc(h[2])}</h1>` : `<p style="font-weight:bold">${esc(h[2])}</p>`);
      continue;
    }
    if (line.startsWith('|')) {
      const rows = [];
      while (i < lines.length && lines[i].startsWith('|')) {
        if (!/^\|[\s:|-]+\|$/.test(lines[i])) rows.push(lines[i].slice(1, -1).split('|').map((c) => c.trim()));
        i++;
      }
      body.push(`<table border="1" cellspacing="0"><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`);
      continue;
    }
    body.push(`<p style="text-indent:2em">${esc(line)}</p>`);
  }
  return `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>政策文件</title></head>
<body>
<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li></ul></div>
<div class="location">您的当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 规划信息</div>
<div class="content" id="zoom">
${body.join('\n')}
</div>
<div class="footer"><p>版权所有：某区人民政府办公室 网站标识码：0000000000</p></div>
</body></html>
`;
}

/** the source texts of a kind, each with the extension its copies get */
function sourcesOf(root, kind) {
  const read = (dir, exts) =>
    readdirSync(path.join(root, 'fixtures', dir))
      .filter((f) => exts.some((e) => f.endsWith(e)))
      .sort()
      .map((f) => ({ text: readFileSync(path.join(root, 'fixtures', dir, f), 'utf8'), ext: path.extname(f).slice(1) }));
  switch (kind) {
    case 'txt':
    case 'txt-fw':
      return read('seeds', ['.txt']);
    case 'md':
    case 'html':
      return read('md', ['.md']);
    case 'real':
      return read('corpus', ['.txt', '.md']);
    default:
      throw new Error(`unknown corpus kind ${kind}`);
  }
}

/** the text of one copy, in the kind's rendition */
function render(kind, text) {
  if (kind === 'txt-fw') return fullWidth(text);
  if (kind === 'html') return htmlPage(text);
  return text;
}

/**
 * Writes about `megabytes` MB of plans of one kind (above) into `dir` and returns their paths
 * and total size. Kind 'real' copies the real documents as they are written (no variation: their
 * damage is the point), one after the other.
 */
export function buildCorpus(root, dir, megabytes, kind, seed = 1) {
  const sources = sourcesOf(root, kind);
  mkdirSync(dir, { recursive: true });
  const rnd = random(seed);
  const files = [];
  let bytes = 0;
  const target = megabytes * 1024 * 1024;
  for (let i = 0; bytes < target; i++) {
    const src = sources[i % sources.length];
    const text = render(kind, kind === 'real' ? src.text : vary(src.text, rnd));
    const ext = kind === 'html' ? 'html' : src.ext;
    const file = path.join(dir, `plan-${String(i).padStart(6, '0')}.${ext}`);
    writeFileSync(file, text);
    files.push(file);
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes };
}
