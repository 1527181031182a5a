// `plan-lint rules [ids…] [--format text|json]`: the rule catalog, Ruff-style.
import { Command, Option } from 'commander';
import { rules as catalog, ruleById } from '../lint/rules/index.js';
import { ruleCatalogJson, ruleHelpText } from '../lint/docs.js';
import { writeOutput } from '../run/output.js';
import type { CommandContext } from './command.js';

export function renderRules(ids: string[], format: 'text' | 'json'): { out: string; unknown: string[] } {
  const unknown = ids.filter((id) => !ruleById.has(id));
  const chosen = ids.length ? catalog.filter((r) => ids.includes(r.id)) : catalog;
  if (format === 'json') return { out: JSON.stringify(ruleCatalogJson(chosen), null, 2) + '\n', unknown };
  const width = Math.max(...chosen.map((r) => r.id.length));
  // per-kind defaults (task-missing-deadline) are spelled out in the rule's own section
  const short = (r: (typeof chosen)[number]) => (typeof r.defaultSeverity === 'string' ? r.defaultSeverity : 'by kind');
  const index = chosen.map((r) => `  ${r.id.padEnd(width)}  ${short(r).padEnd(7)}  ${r.docs.summary.zh}`);
  const sep = '\n\n' + '─'.repeat(72) + '\n\n';
  const out = [`${chosen.length} rule${chosen.length === 1 ? '' : 's'}\n\n${index.join('\n')}`, ...chosen.map(ruleHelpText)].join(sep) + '\n';
  return { out, unknown };
}

export function registerRules(program: Command, ctx: CommandContext): Command {
  return program
    .command('rules')
    .description('print the rule catalog: what each rule reports, why, an example, and its default severity')
    .argument('[ids...]', 'only these rules')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (ids: string[], opts: { format: 'text' | 'json' }) => {
      const { out, unknown } = renderRules(ids, opts.format);
      if (unknown.length) {
        ctx.io.stderr(`plan-lint: unknown rule ${unknown.map((u) => `"${u}"`).join(', ')}\n`);
        ctx.exitCode = 2;
        return;
      }
      await writeOutput(null, out, ctx.io);
    });
}
