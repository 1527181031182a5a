// commander speaks English: its help headings, the notes it adds to option descriptions and its
// usage errors. Here they are said in the chosen locale, and errors are printed as one line each
// ("plan-lint: unknown option '--x' …"), like every other plan-lint message.
import { Help, type Command, type Option, type Argument } from 'commander';
import { listOf, say, type Locale, type Text } from '../util/i18n.js';
import { displayWidth } from '../util/width.js';

const titles: Record<string, Text> = {
  'Usage:': { zh: '用法：', en: 'Usage:' },
  'Options:': { zh: '选项：', en: 'Options:' },
  'Commands:': { zh: '命令：', en: 'Commands:' },
  'Arguments:': { zh: '参数：', en: 'Arguments:' },
  'Global Options:': { zh: '全局选项：', en: 'Global Options:' },
};

const notes = {
  choices: { zh: '可选值：{list}', en: 'choices: {list}' },
  byDefault: { zh: '默认：{value}', en: 'default: {value}' },
  seeHelp: { zh: '（运行 plan-lint --help 查看用法）', en: '(run plan-lint --help for usage)' },
} satisfies Record<string, Text>;

/** commander's error messages, each as a pattern and its text in both locales. */
const errors: [RegExp, Text][] = [
  [/^error: unknown option '(.+?)'(?:\n\(Did you mean (.+)\?\))?$/s, { zh: '未知选项“$1”', en: "unknown option '$1'" }],
  [/^error: unknown command '(.+?)'(?:\n\(Did you mean (.+)\?\))?$/s, { zh: '未知命令“$1”', en: "unknown command '$1'" }],
  [/^error: missing required argument '(.+)'$/, { zh: '缺少必需的参数 $1', en: "missing required argument '$1'" }],
  [/^error: option '(.+)' argument missing$/, { zh: '选项 $1 缺少值', en: "option '$1' argument missing" }],
  [/^error: required option '(.+)' not specified$/, { zh: '缺少必需的选项 $1', en: "required option '$1' not specified" }],
  [/^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/s, { zh: '选项 $1 的值“$2”无效，可选值：$3', en: "option '$1' argument '$2' is invalid; allowed choices are $3" }],
  [/^error: option '(.+)' argument '(.*)' is invalid\. (.+)$/s, { zh: '选项 $1 的值“$2”无效：$3', en: "option '$1' argument '$2' is invalid: $3" }],
  [/^error: too many arguments for '(.+)'\. Expected (\d+) arguments? but got (\d+)\.$/, { zh: '命令 $1 的参数过多：应为 $2 个，实际为 $3 个', en: "too many arguments for '$1': expected $2, got $3" }],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\.$/, { zh: '参数过多：应为 $1 个，实际为 $2 个', en: 'too many arguments: expected $1, got $2' }],
  [/^error: (.+) cannot be used with (.+)$/, { zh: '$1 不能与 $2 同时使用', en: '$1 cannot be used with $2' }],
];
const didYouMean: Text = { zh: '（是否为 {hint}？）', en: ' (did you mean {hint}?)' };

/** A commander error message as one line in `locale`, prefixed "plan-lint: ". */
export function errorLine(message: string, locale: Locale): string {
  const m = message.trim();
  for (const [re, text] of errors) {
    const found = re.exec(m);
    if (!found) continue;
    const hintAt = /Did you mean (?:one of )?(.+)\?\)$/s.exec(m);
    const hint = hintAt ? say(didYouMean, locale, { hint: hintAt[1] }) : '';
    return `plan-lint: ${m.replace(re, text[locale]).replace(/\n.*$/s, '')}${hint}\n`;
  }
  return `plan-lint: ${m.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')}\n`;
}

const usageWords: [RegExp, Text][] = [
  [/\[options\]/g, { zh: '[选项]', en: '[options]' }],
  [/\[command\]/g, { zh: '[命令]', en: '[command]' }],
];

function described(description: string, extra: string[], locale: Locale): string {
  if (!extra.length) return description;
  const note = locale === 'zh' ? `（${extra.join('；')}）` : `(${extra.join(', ')})`;
  return description ? `${description} ${note}` : note;
}

function choicesAndDefault(choices: readonly string[] | undefined, value: unknown, showDefault: boolean, locale: Locale): string[] {
  const extra: string[] = [];
  if (choices) extra.push(say(notes.choices, locale, { list: listOf(choices, locale) }));
  if (showDefault && value !== undefined) extra.push(say(notes.byDefault, locale, { value: String(value) }));
  return extra;
}

/** Help texts, usage errors and the hint after them in `locale`; CJK-aware column widths. */
export function localize(program: Command, locale: Locale, write: { out: (s: string) => void; err: (s: string) => void }): void {
  const plain = new Help();
  program
    .configureHelp({
      styleTitle: (s: string) => titles[s]?.[locale] ?? s,
      commandUsage: (cmd: Command) => usageWords.reduce((u, [re, t]) => u.replace(re, t[locale]), plain.commandUsage(cmd)),
      optionDescription: (o: Option) =>
        described(o.description, choicesAndDefault(o.argChoices, o.defaultValue, o.required || o.optional, locale), locale),
      argumentDescription: (a: Argument) => described(a.description, choicesAndDefault(a.argChoices, a.defaultValue, true, locale), locale),
      // East Asian characters take two columns: align the descriptions by display width
      displayWidth: (s: string) => displayWidth(s.replace(/\u001b\[[0-9;]*m/g, '')),
    })
    .configureOutput({
      writeOut: write.out,
      writeErr: write.err,
      outputError: (s, w) => w(errorLine(s, locale)),
    })
    .showHelpAfterError(notes.seeHelp[locale]);
}
