// `plan-lint rules [ids…] [--format text|json]`: the rule catalog, Ruff-style, in the chosen locale.
import type { Command } from 'commander';
import { rules as catalog, ruleById } from '../lint/rules/index.js';
import { ruleCatalogJson, ruleHelpText } from '../lint/docs.js';
import type { Locale } from '../lint/types.js';
import { writeOutput } from '../run/output.js';
import { problemLine, problemOf } from '../run/problems.js';
import { say, type Text } from '../util/i18n.js';
import { closest } from '../util/suggest.js';
import type { CommandContext } from './command.js';
import { cliText } from './messages.js';

const text = {
  description: {
    zh: '打印规则目录：每条规则报告什么、为什么、示例及默认严重程度',
    en: 'print the rule catalog: what each rule reports, why, an example, and its default severity',
  },
  argument: { zh: '只打印这些规则', en: 'only these rules' },
  count: { zh: '共 {n} 条规则', en: '{n} rule{s}' },
  byKind: { zh: '按类型', en: 'by kind' },
} satisfies Record<string, Text>;

export function renderRules(ids: string[], format: 'text' | 'json', locale: Locale = 'zh'): { out: string; unknown: string[] } {
  const unknown = ids.filter((id) => !ruleById.has(id));
  const chosen = ids.length ? catalog.filter((r) => ids.includes(r.id)) : catalog;
  if (format === 'json') return { out: JSON.stringify(ruleCatalogJson(chosen), null, 2) + '\n', unknown };
  const width = Math.max(...chosen.map((r) => r.id.length));
  // per-kind defaults (task-missing-deadline) are spelled out in the rule's own section
  const short = (r: (typeof chosen)[number]) => (typeof r.defaultSeverity === 'string' ? r.defaultSeverity : text.byKind[locale]);
  const index = chosen.map((r) => `  ${r.id.padEnd(width)}  ${short(r).padEnd(7)}  ${r.docs.summary[locale]}`);
  const sep = '\n\n' + '─'.repeat(72) + '\n\n';
  const head = say(text.count, locale, { n: chosen.length, s: chosen.length === 1 ? '' : 's' });
  const out = [`${head}\n\n${index.join('\n')}`, ...chosen.map((r) => ruleHelpText(r, locale))].join(sep) + '\n';
  return { out, unknown };
}

export function registerRules(program: Command, ctx: CommandContext): Command {
  const v = ctx.options;
  return program
    .command('rules')
    .description(text.description[ctx.locale])
    .argument('[ids...]', text.argument[ctx.locale])
    .addOption(v.format(['text', 'json'], 'text'))
    .addOption(v.output())
    .addOption(v.locale())
    .action(async (ids: string[], opts: { format: 'text' | 'json'; output?: string }) => {
      const { out, unknown } = renderRules(ids, opts.format, ctx.locale);
      if (unknown.length) {
        const hint = unknown.length === 1 ? closest(unknown[0], catalog.map((r) => r.id)) : null;
        ctx.io.stderr(say(cliText.unknownRules, ctx.locale, { ids: unknown.map((u) => `"${u}"`).join(', '), hint: hint ? say(cliText.hint, ctx.locale, { hint }) : '' }));
        ctx.exitCode = 2;
        return;
      }
      try {
        await writeOutput(opts.output ?? null, out, ctx.io);
      } catch (e) {
        ctx.io.stderr(problemLine(problemOf(e, opts.output ?? '', ctx.io.cwd), ctx.locale));
        ctx.exitCode = 2;
      }
    });
}
