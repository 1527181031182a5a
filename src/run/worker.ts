// A worker thread of the runner: analyses, lints (and with --fix rewrites) the files it is sent,
// replies with the messages or the problem (classified here: error classes do not cross threads).
import { parentPort } from 'node:worker_threads';
import type { Config } from '../config/schema.js';
import { applyUnitAliases } from '../analysis/unit-names.js';
import type { LintMessage, SuppressedMessage } from '../lint/types.js';
import { extractPath, extractText } from '../pipeline.js';
import type { Analysis } from '../model/analysis.js';
import type { FixOutcome } from './fix.js';
import { lintOne, type LintSettings } from './lint-one.js';
import { problemOf, type Problem } from './problems.js';

export interface WorkRequest {
  file: string;
  rules: Config['rules'];
  /** the configuration's units.aliases */
  aliases?: Record<string, string>;
  walked: boolean;
  settings: LintSettings;
}

export type WorkReply =
  | { ok: true; skipped?: 'no-plan-structure'; messages: LintMessage[]; suppressed: SuppressedMessage[]; fix: FixOutcome | null }
  | { ok: false; problem: Problem };

async function work(req: WorkRequest): Promise<WorkReply> {
  try {
    const withAliases = (a: Analysis) => applyUnitAliases(a, req.aliases);
    // (a worker hands back only the messages: the file's sha256 is worked out only if --fix asks for it)
    const analysis = withAliases(await extractPath(req.file, { lazyHash: true }));
    const r = await lintOne(req.file, analysis, { rules: req.rules, walked: req.walked }, req.settings, async (text, a, sha256) =>
      withAliases(await extractText(text, { path: a.source.path, sha256, encoding: a.source.encoding, encodingNote: a.source.encodingNote ?? null, format: a.source.format })),
    );
    if (r.skipped) return { ok: true, skipped: r.skipped, messages: [], suppressed: [], fix: null };
    return { ok: true, messages: r.result!.messages, suppressed: r.result!.suppressed, fix: r.fix };
  } catch (e) {
    return { ok: false, problem: problemOf(e, req.file, process.cwd()) };
  }
}

parentPort?.on('message', async (req: WorkRequest) => parentPort!.postMessage(await work(req)));
