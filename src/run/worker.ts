// A worker thread of the runner: analyses and lints the files it is sent, replies with the
// messages or the problem (classified here: error classes do not cross threads).
import { parentPort } from 'node:worker_threads';
import type { Config } from '../config/schema.js';
import { applyUnitAliases } from '../analysis/unit-names.js';
import { lint } from '../lint/engine.js';
import type { LintMessage, Locale } from '../lint/types.js';
import { extractPath } from '../pipeline.js';
import { problemOf, type Problem } from './problems.js';

export interface WorkRequest {
  file: string;
  rules: Config['rules'];
  /** the configuration's units.aliases */
  aliases?: Record<string, string>;
  locale: Locale;
}

export type WorkReply = { ok: true; messages: LintMessage[] } | { ok: false; problem: Problem };

async function work(req: WorkRequest): Promise<WorkReply> {
  try {
    const analysis = applyUnitAliases(await extractPath(req.file), req.aliases);
    return { ok: true, messages: lint(analysis, { rules: req.rules, locale: req.locale }) };
  } catch (e) {
    return { ok: false, problem: problemOf(e, req.file, process.cwd()) };
  }
}

parentPort?.on('message', async (req: WorkRequest) => parentPort!.postMessage(await work(req)));
