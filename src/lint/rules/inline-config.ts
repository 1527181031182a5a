import { closest } from '../../util/suggest.js';
import { defineRule } from '../types.js';

const plan = (comment: string) =>
  [
    '# 示范区应急管理“十四五”规划(2021—2025年)',
    '',
    '## 二、主要任务',
    '',
    comment,
    '(一)建成XX个应急指挥分中心。(责任单位:区应急管理局)',
    '',
  ].join('\n');

export const inlineConfig = defineRule({
  id: 'inline-config',
  defaultSeverity: 'error',
  messages: {
    unknownRule: { zh: '注释中的规则“{rule}”不存在', en: 'The comment names rule "{rule}", which does not exist' },
    unknownRuleHint: {
      zh: '注释中的规则“{rule}”不存在，是否为“{hint}”？',
      en: 'The comment names rule "{rule}", which does not exist; did you mean "{hint}"?',
    },
    unused: { zh: '未使用的 plan-lint-{kind} 注释：此处没有被关闭的问题', en: 'Unused plan-lint-{kind} comment: no problem was switched off by it' },
    unusedRule: {
      zh: '未使用的 plan-lint-{kind} 注释：没有“{rule}”的问题被关闭',
      en: 'Unused plan-lint-{kind} comment: no problem of "{rule}" was switched off by it',
    },
  },
  docs: {
    summary: { zh: '注释指令有误：规则名不存在；或（--report-unused-disable-directives）注释没有关闭任何问题', en: 'Inline comments that name a rule that does not exist, or (--report-unused-disable-directives) switch nothing off' },
    what: {
      zh:
        '报告 `<!-- plan-lint-disable … -->` 等注释中不存在的规则名，并给出最接近的规则名。使用 ' +
        '`--report-unused-disable-directives` 时，还报告没有关闭任何问题的 disable、disable-line、disable-next-line 注释' +
        '（列出规则时按规则逐一报告）。这些问题本身不能被注释关闭；`--no-inline-config` 使所有注释失效。',
      en:
        'Reports a rule id in a `<!-- plan-lint-disable … -->` comment (or -enable, -disable-line, -disable-next-line) that ' +
        'no rule has, with the closest rule id as a hint. With `--report-unused-disable-directives` it also reports disable ' +
        'comments that switched no problem off (each listed rule on its own). These reports cannot be switched off by ' +
        'comments; `--no-inline-config` ignores every comment.',
    },
    why: {
      zh: '拼错的规则名会被静默忽略：作者以为关闭了某个问题，其实没有；多余的注释则会在日后掩盖新出现的问题。',
      en: 'A misspelled rule id is otherwise ignored without a word: the author believes a problem is switched off when it is not. An unused comment hides problems that appear later on its line.',
    },
    failing: { text: plan('<!-- plan-lint-disable-next-line placeholder-txt -->'), format: 'md', reports: ['5:1'] },
    passing: { text: plan('<!-- plan-lint-disable-next-line placeholder-text -->'), format: 'md' },
  },
  create(ctx) {
    // built at the first directive: most files hold none, and the rule is created for every file
    let known: Set<string> | null = null;
    return {
      directive(d) {
        known ??= new Set(ctx.ruleIds);
        const at = ctx.source.span(d.start, d.end);
        for (const rule of d.rules) {
          if (known.has(rule)) continue;
          const hint = closest(rule, ctx.ruleIds);
          ctx.report({ messageId: hint ? 'unknownRuleHint' : 'unknownRule', data: { rule, hint: hint ?? '' }, ...at, plan: null });
        }
      },
    };
  },
});
