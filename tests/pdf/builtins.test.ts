// Reading a PDF leaves the engine's built-ins as they were. pdf.js's legacy build brings core-js,
// which replaced Array.prototype.push, JSON.parse, JSON.stringify and Function.prototype.toString
// with slower JavaScript versions for the rest of the process (src/ingest/pdf-load.ts). Checked
// in a worker thread of its own, where pdf.js has never been loaded: in this worker an earlier
// test file may have loaded it already.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { expect, it } from 'vitest';
import { repo } from '../helpers/cli.js';
import { handPdf } from './hand-pdf.js';

/** the built module (npm test builds first): a worker thread cannot load src/ */
const pdfLoad = path.join(repo, 'dist', 'ingest', 'pdf-load.js');

it('reading a PDF leaves push, JSON.parse, JSON.stringify and Function#toString the engine\'s own', async () => {
  const bytes = handPdf([{ lines: [[72, 700, 12, 'Work points 2025']] }]);
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const own = () => [Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString];
    const before = own();
    import(workerData.url).then(({ loadPdf }) => loadPdf(workerData.bytes)).then((r) => {
      parentPort.postMessage({ text: r.pages[0].items.map((i) => i.text).join(''), same: own().map((f, i) => f === before[i]) });
    }, (e) => parentPort.postMessage({ error: String(e) }));`;
  const worker = new Worker(code, { eval: true, workerData: { url: pathToFileURL(pdfLoad).href, bytes } });
  const reply = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  expect(reply).toEqual({ text: 'Work points 2025', same: [true, true, true, true] });
});
