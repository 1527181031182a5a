// Worker thread of `check --jobs N`: extracts and lints the files it is sent.
import { parentPort } from 'node:worker_threads';
import { extractPath } from '../pipeline.js';
import { lintFile, type LintRequest } from './lint-file.js';

parentPort?.on('message', async (req: LintRequest) => {
  parentPort!.postMessage(await lintFile(req, extractPath));
});
