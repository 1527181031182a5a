// `npm start`: the main job on the bundled fixtures, so a new user sees real output at once.
import type { Command } from 'commander';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractPath } from '../pipeline.js';
import { fail } from './errors.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'seeds');

export function registerDemo(program: Command): void {
  program
    .command('demo', { hidden: true })
    .description('extract the bundled fixture plans and print a summary of each')
    .action(async () => {
      try {
        for (const f of readdirSync(fixtures).filter((f) => f.endsWith('.txt')).sort()) {
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
      } catch (e) {
        fail(e);
      }
    });
}
