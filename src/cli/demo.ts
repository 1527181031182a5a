// `npm start`: the main jobs (extract, then check) on the bundled fixtures, so a new user sees
// real output at once.
import type { Command } from 'commander';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Analysis } from '../model/analysis.js';
import type { RunIO } from '../run/io.js';
import { problemLine } from '../run/problems.js';
import { runFiles } from '../run/run-files.js';
import { runCheck } from './check.js';
import type { CommandContext } from './command.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'seeds');

/** What one plan file holds, in a few lines: counts, then its first indicators and tasks. */
export function summary(file: string, analysis: Analysis): string {
  let out = `\n${file}\n`;
  analysis.document.plans.forEach((p, i) => {
    const facts = analysis.facts.plans[i];
    const period = p.period ? `${p.period.start}–${p.period.end}` : '—';
    out += `  《${p.title}》 ${p.kind}, ${period}: ${p.indicators.length} indicators, ${p.tasks.length} tasks (${facts.ownedTasks} with owners), ${p.projects.length} projects, ${p.targets.length} prose targets\n`;
    for (const ind of p.indicators.slice(0, 3)) out += `    ${ind.id} ${ind.name}: ${ind.target.text} ${ind.nature ?? ''}\n`;
    p.tasks.slice(0, 3).forEach((t, k) => {
      const unit = facts.tasks[k].unit;
      out += `    ${t.id} ${t.title ?? t.text.slice(0, 24)}${unit ? ` — ${(t.owners!.lead.length ? t.owners!.lead : t.owners!.support).join('、')}` : ''}\n`;
    });
  });
  return out;
}

export async function runDemo(io: RunIO): Promise<number> {
  const root = path.resolve(fixtures, '..', '..');
  const files = readdirSync(fixtures).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join('fixtures', 'seeds', f));
  await io.stdout('plan-lint extract: what each bundled plan holds\n');
  for await (const o of runFiles(files, { cwd: root, keep: 'analysis', jobs: 1 })) {
    if (o.ok === true) await io.stdout(summary(o.file, o.analysis!));
    else if (!o.ok) io.stderr(problemLine(o.problem));
  }
  await io.stdout('\nplan-lint check: what a drafter is told\n');
  // the demo shows the findings; their exit code (1 for the placeholder errors) is not its own
  await runCheck(files, { format: 'stylish', rule: ['task-missing-deadline=off'] }, { ...io, cwd: root });
  return 0;
}

export function registerDemo(program: Command, ctx: CommandContext): void {
  program
    .command('demo', { hidden: true })
    .description('extract and check the bundled fixture plans')
    .action(async () => {
      ctx.exitCode = await runDemo(ctx.io);
    });
}
