// `npm start`: the main jobs (extract, then check) on the bundled fixtures, so a new user sees
// real output at once.
import type { Command } from 'commander';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractPath } from '../pipeline.js';
import { fail } from './errors.js';
import { runCheck } from './check.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'seeds');

export function registerDemo(program: Command): void {
  program
    .command('demo', { hidden: true })
    .description('extract and check the bundled fixture plans')
    .action(async () => {
      try {
        const files = readdirSync(fixtures).filter((f) => f.endsWith('.txt')).sort();
        process.stdout.write('plan-lint extract: what each bundled plan holds\n');
        for (const f of files) {
          const { document } = await extractPath(path.join(fixtures, f));
          process.stdout.write(`\n${path.join('fixtures', 'seeds', f)}\n`);
          for (const p of document.plans) {
            const owned = p.tasks.filter((t) => t.owners).length;
            const period = p.period ? `${p.period.start}–${p.period.end}` : '—';
            process.stdout.write(
              `  《${p.title}》 ${p.kind}, ${period}: ${p.indicators.length} indicators, ${p.tasks.length} tasks (${owned} with owners), ${p.projects.length} projects, ${p.targets.length} prose targets\n`,
            );
            for (const i of p.indicators.slice(0, 3)) process.stdout.write(`    ${i.id} ${i.name}: ${i.target.text} ${i.nature ?? ''}\n`);
            for (const t of p.tasks.slice(0, 3))
              process.stdout.write(`    ${t.id} ${t.title ?? t.text.slice(0, 24)}${t.owners ? ` — ${t.owners.lead.join('、')}` : ''}\n`);
          }
        }
        process.stdout.write('\nplan-lint check: what a drafter is told\n');
        // the demo shows the findings; their exit code (1 for the placeholder errors) is not its own
        await runCheck(
          files.map((f) => path.join('fixtures', 'seeds', f)),
          { format: 'stylish', rule: ['task-missing-deadline=off'] },
          {
            cwd: path.resolve(fixtures, '..', '..'),
            env: process.env,
            stdout: (s) => process.stdout.write(s),
            stderr: (s) => process.stderr.write(s),
            isTTY: Boolean(process.stdout.isTTY),
          },
        );
      } catch (e) {
        fail(e);
      }
    });
}
