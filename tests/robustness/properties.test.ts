// Property-based robustness (issue 5): whatever text plan-lint is given — random Unicode or
// a fixture mangled at random — extraction does not throw, every span lies inside the input
// with line/column agreeing with its offset, the YAML of `extract` re-validates against the
// zod schema, and `check` exits 0 or 1. Runs are deterministic (fixed seed, see fcParams).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPath, extractText } from '../../src/pipeline.js';
import { InputError } from '../../src/ingest/errors.js';
import { fcParams, mutatedFixture, unicodeText, hostileString, type Format } from './arbitraries.js';
import { assertSound, cleanupSoundness, pointAt } from './soundness.js';
import { lint } from '../../src/lint/engine.js';

const formats: Format[] = ['txt', 'md', 'html'];
afterAll(cleanupSoundness);
const source = (format: Format) => ({ path: `prop.${format}`, sha256: '0'.repeat(64), encoding: 'utf-8', format });

async function extractSound(text: string, format: Format): Promise<void> {
  const result = await extractText(text, source(format));
  await assertSound(text, result);
}

describe('the soundness checker itself', () => {
  it('computes line/column in code points, lines split at \\n only', () => {
    expect(pointAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(pointAt('a\r\nb', 3)).toEqual({ line: 2, column: 1 });
    expect(pointAt('𠀀x', 2)).toEqual({ line: 1, column: 2 });
    expect(pointAt('a\u2028b', 2)).toEqual({ line: 1, column: 3 });
  });
  it('rejects a span outside the text and a line/column that disagrees with the offset', async () => {
    const text = '某区应急管理规划\n一、主要任务\n（一）完善预案（责任单位：区应急管理局）\n';
    const result = await extractText(text, source('txt'));
    await assertSound(text, result);
    const plan = result.document.plans[0];
    const broken = structuredClone(result);
    broken.document.plans[0].span = { ...plan.span, end: { ...plan.span.end, offset: text.length + 1 } };
    await expect(assertSound(text, broken)).rejects.toThrow(/outside/);
    const shifted = structuredClone(result);
    shifted.document.plans[0].span = { ...plan.span, start: { ...plan.span.start, column: plan.span.start.column + 1 } };
    await expect(assertSound(text, shifted)).rejects.toThrow(/span says/);
  });
});

describe.each(formats)('%s', (format) => {
  it('random Unicode text: extract never throws, spans inside, YAML re-validates, check exits 0/1', async () => {
    await fc.assert(
      fc.asyncProperty(unicodeText(format), (text) => extractSound(text, format)),
      fcParams(30),
    );
  }, 120_000);

  it('mutated fixtures: extract never throws, spans inside, YAML re-validates, check exits 0/1', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedFixture(format), (text) => extractSound(text, format)),
      fcParams(15),
    );
  }, 120_000);
});

describe('bytes on disk (extractPath: decoding, sniffing, emptiness)', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'plan-lint-prop-bytes-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const encoded = fc.oneof(
    hostileString(200).map((s) => ({ kind: 'utf-8', text: s, bytes: Buffer.from(s, 'utf8') })),
    hostileString(200).map((s) => ({ kind: 'utf-8-bom', text: s, bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]) })),
    hostileString(200).map((s) => ({ kind: 'utf-16le', text: s, bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]) })),
    hostileString(200).map((s) => ({ kind: 'utf-16be', text: s, bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]) })),
    hostileString(200).map((s) => ({ kind: 'gb18030', text: s, bytes: iconv.encode(s, 'gb18030') })),
    fc.uint8Array({ maxLength: 600 }).map((b) => ({ kind: 'random', text: null, bytes: Buffer.from(b) })),
    fc.tuple(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('PK\u0003\u0004', '\u0000', '\u00ff\u00fe', '<html>', '# ')).map(([b, head]) => ({
      kind: 'random',
      text: null,
      bytes: Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(b)]),
    })),
  );
  const ext = fc.constantFrom('.txt', '.md', '.markdown', '.html', '.htm', '.docx', '.text', '.dat', '');

  it('any bytes give a sound result or an InputError naming the file on one line', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(encoded, ext, async (input, extension) => {
        const file = path.join(dir, `f${n++}${extension}`);
        writeFileSync(file, input.bytes);
        let result;
        try {
          result = await extractPath(file);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          expect(e.file).toBe(file);
          expect(e.message).not.toMatch(/\n/);
          expect(e.message.length).toBeGreaterThan(0);
          return;
        } finally {
          rmSync(file, { force: true });
        }
        // a well-formed UTF-8 file read as UTF-8 is read exactly (lone surrogates became U+FFFD on writing)
        if (input.kind === 'utf-8' && result.source.encoding === 'utf-8' && result.source.format !== 'docx')
          expect(result.source.text).toBe(Buffer.from(input.text!, 'utf8').toString('utf8'));
        await assertSound(result.source.text, result);
      }),
      fcParams(30),
    );
  }, 120_000);
});

// Bugs the properties found in the extraction layer, now fixed: each test states the correct
// behaviour on the input fast-check minimised.
describe('regressions (minimised counterexamples)', () => {
  it('a lone surrogate counts as one column', async () => {
    const text = '\udc00';
    const result = await extractText(text, source('txt'));
    expect(result.document.plans[0].span.end).toEqual({ line: 1, column: 2, offset: 1 });
  });

  it('a plan with no title line takes its title from a body line, offsets and all', async () => {
    // the synthesized title piece is pieceOf(titleText, firstOffset): contiguous offsets, so a
    // normalized first line runs past the text, and a 《…》 title points at the line's start
    for (const [text, format] of [['1. 发布日期：2023-12-04 15:49', 'md'], ['关于印发《XX区应急规划》的通知', 'txt']] as const) {
      const result = await extractText(text, source(format));
      for (const b of result.blocks) for (const [i, o] of b.offsets.entries()) {
        expect(o).toBeLessThan(text.length);
        // every character of a block comes from the place its offset names (up to width folding)
        expect(text[o].normalize('NFKC')).toBe(b.text[i].normalize('NFKC'));
      }
    }
  });

  it('placeholder-text reports only the placeholder in 关于印发《XX区应急规划》的通知', async () => {
    const text = '关于印发《XX区应急规划》的通知';
    const found = lint(await extractText(text, source('txt')))
      .filter((m) => m.ruleId === 'placeholder-text')
      .map((m) => text.slice(m.offset, m.endOffset));
    expect(found).toEqual(['XX']);
  });

  it('text with lone surrogates gives a model whose YAML reads back (they become U+FFFD)', async () => {
    const YAML = (await import('yaml')).default;
    const { serialize } = await import('../../src/cli/extract.js');
    const text = '\ud800\n责任单位:协调科、应急救援中心)\n \n\udc00\n一';
    const result = await extractText(text, source('txt'));
    expect(result.source.text).toBe('\ufffd\n责任单位:协调科、应急救援中心)\n \n\ufffd\n一');
    expect(YAML.parse(serialize(result.document, 'yaml'))).toEqual(result.document);
  });
});
