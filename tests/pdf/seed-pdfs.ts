// The bundled seed texts printed as PDFs in two layouts, built once per machine and cached in
// the temporary folder under a hash of everything that shapes them (text, layout code, font).
// A4: the text's lines as indented paragraphs wrapped at the margin, the plan titles centred
// and larger, the indicator tables as bordered tables (rows read from the text by the table
// parser), a running header and page numbers. Narrow: the same in a column a few characters
// wide, table cells wrapped over many lines.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findTables } from '../../src/extract/tables.js';
import { readTxt } from '../../src/ingest/txt.js';
import { SourceText } from '../../src/ingest/source-text.js';
import { extractText } from '../../src/pipeline.js';
import { A4, makePdf, NARROW, type Layout, type LayoutBlock, type Row } from './make-pdf.js';

/** the project folder (found upwards, so the module also runs bundled elsewhere) */
function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'fixtures', 'seeds'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('project folder not found');
    dir = up;
  }
  return dir;
}
const root = projectRoot();
const require = createRequire(path.join(root, 'package.json'));

export const SEED_NAMES = [
  'district-emergency-plan-2021-2025',
  'city-emergency-plan-placeholders',
  'county-emergency-system-plan-chapters',
  'district-work-points-2020',
  'resort-three-plans-notice',
] as const;

export const seedText = (name: string) => readFileSync(path.join(root, 'fixtures', 'seeds', `${name}.txt`), 'utf8');

/** The seed's lines as layout blocks: indicator tables rebuilt as rows, plan titles marked. */
export async function seedBlocks(text: string): Promise<LayoutBlock[]> {
  const doc = (await extractText(text, { path: 'seed.txt', sha256: '', encoding: 'utf-8', format: 'txt' })).document;
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  const titles = new Set(doc.plans.map((p) => squeeze(p.title)));
  const { tables } = findTables(readTxt(new SourceText(text)).blocks);
  const out: LayoutBlock[] = [];
  let offset = 0;
  let t = 0;
  let emitted = -1;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    while (tables[t] && start >= tables[t].end) t++;
    const table = tables[t];
    if (table && start >= table.start) {
      if (emitted < t) {
        const rows: Row[] = [{ cells: table.header }];
        for (const r of table.rows) {
          if (r.kind === 'group') rows.push({ group: r.group!.piece.text });
          else rows.push({ cells: table.columns.map((c) => (c === 'extra' ? '' : (r.cells[c]?.text.replace(/\s+/g, ' ').trim() ?? ''))) });
        }
        out.push({ kind: 'table', rows });
        emitted = t;
      }
      continue;
    }
    if (!line.trim()) continue;
    out.push({ kind: titles.has(squeeze(line)) ? 'title' : 'para', text: line.trim() });
  }
  return out;
}

const PAGE_NUMBERS: [Layout['pageNumber'], Layout['pageNumberAt']][] = [
  [(n) => `— ${n} —`, 'outer'],
  [(n) => `- ${n} -`, 'center'],
  [(n) => `第${n}页`, 'center'],
  [(n, total) => `第 ${n} 页 共 ${total} 页`, 'center'],
  [(n) => String(n), 'outer'],
];

export function layoutFor(kind: 'a4' | 'narrow', seedIndex: number, title: string): Layout {
  const [pageNumber, pageNumberAt] = PAGE_NUMBERS[seedIndex % PAGE_NUMBERS.length];
  if (kind === 'a4') return { ...A4, header: title, pageNumber, pageNumberAt };
  return { ...NARROW, pageNumber: (n) => `第${n}页`, pageNumberAt: 'center', footer: '内部资料 注意保存' };
}

function cacheKey(...parts: (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex').slice(0, 16);
}

/** Path of the seed printed in `kind` layout, made on first use. */
export async function seedPdf(name: string, kind: 'a4' | 'narrow', dir = path.join(os.tmpdir(), 'plan-lint-pdf-seeds')): Promise<string> {
  const text = seedText(name);
  const fontPkg = readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
  const key = cacheKey(text, kind, readFileSync(path.join(root, 'tests', 'pdf', 'make-pdf.ts')), readFileSync(path.join(root, 'tests', 'pdf', 'seed-pdfs.ts')), fontPkg);
  const file = path.join(dir, `${name}.${kind}.${key}.pdf`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const blocks = await seedBlocks(text);
  const title = (blocks.find((b) => b.kind === 'title') as { text: string } | undefined)?.text ?? '';
  const bytes = await makePdf(blocks, layoutFor(kind, SEED_NAMES.indexOf(name as (typeof SEED_NAMES)[number]), title));
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
  return file;
}
