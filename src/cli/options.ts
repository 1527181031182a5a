// The one option vocabulary of plan-lint: every flag that more than one command takes is made
// here, with the same letters, names and texts wherever it appears (ESLint's names where ESLint
// has the flag). Commands pick the ones that apply to them.
import { InvalidArgumentError, Option } from 'commander';
import { locales, say, type Locale, type Text } from '../util/i18n.js';

const text = {
  format: { zh: '输出格式', en: 'output format' },
  output: { zh: '写入文件 FILE（原子写入）而不是标准输出', en: 'write to FILE (atomically) instead of standard output' },
  outputFile: { zh: '同 --output（旧名，继续有效）', en: 'same as --output (the former name, still accepted)' },
  locale: { zh: '界面和消息的语言：zh 中文（默认）或 en 英文', en: 'language of help, messages and reports: zh Chinese (default) or en English' },
  quiet: { zh: '只报告错误（警告既不显示也不计数），不显示进度条和提示', en: 'report errors only (warnings are neither shown nor counted); no progress bar or notes' },
  jobs: {
    zh: '同时处理的文件数，多于 1 时使用工作线程（默认：2 核及以下的机器为 1，否则为核数 − 1，最多 4，且每 4 MB 输入至多一个）',
    en: 'files worked on at once, in worker threads when more than one (default: 1 on machines with 2 cores or fewer, else cores - 1, at most 4 and one per 4 MB of input)',
  },
  config: { zh: '对所有输入使用此配置文件，不再向上查找 .planlintrc.*', en: 'use this configuration file instead of looking for .planlintrc.* upwards' },
  rule: { zh: '设置一条规则的严重程度：ID=off|warn|error（可重复）', en: "set a rule's severity: ID=off|warn|error (repeatable)" },
  color: { zh: '输出不带颜色（也可用 NO_COLOR=1）', en: 'no colours in the output (also: NO_COLOR=1)' },
  maxWarnings: { zh: '警告超过 N 个时以退出码 1 结束', en: 'exit 1 when there are more than N warnings' },
  ignorePattern: { zh: '忽略与此模式（.gitignore 语法）匹配的文件和文件夹（可重复）', en: 'ignore files and folders matching this pattern (.gitignore syntax; repeatable)' },
  noIgnore: { zh: '不读取 .planlintignore，也不使用 --ignore-pattern', en: 'do not read .planlintignore, and disregard --ignore-pattern' },
  noInlineConfig: { zh: '忽略文件中的 <!-- plan-lint-… --> 注释', en: 'disregard <!-- plan-lint-… --> comments in the files' },
  reportUnused: { zh: '报告没有关闭任何问题的 plan-lint-disable 注释（作为错误）', en: 'report plan-lint-disable comments that switch no problem off (as errors)' },
  reportUnusedSeverity: { zh: '未使用的 plan-lint-disable 注释的严重程度', en: 'the severity of unused plan-lint-disable comments' },
  fix: { zh: '自动修正可以机械、安全修正的问题，并原子地改写文件（仅限 .txt 和 .md）', en: 'correct what can be corrected mechanically and safely, rewriting the files atomically (.txt and .md only)' },
  printConfig: { zh: '打印适用于 FILE 的配置（合并 extends、overrides 和 --rule 之后），不检查文件', en: 'print the configuration that applies to FILE (extends, overrides and --rule merged) and check nothing' },
  help: { zh: '显示帮助', en: 'display help for command' },
  helpCommand: { zh: '显示某个命令的帮助', en: 'display help for command' },
  version: { zh: '显示版本号', en: 'output the version number' },
  wholeNumber: { zh: '应为不小于 {min} 的整数', en: 'expected a whole number ≥ {min}' },
} satisfies Record<string, Text>;

/** commander accumulator for a repeatable option (--rule A --rule B) */
export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** The options, with their texts in `locale`. */
export function vocabulary(locale: Locale) {
  const t = (x: Text) => x[locale];
  const whole = (min: number) => (value: string) => {
    if (!(min === 0 ? /^\d+$/ : /^[1-9]\d*$/).test(value)) throw new InvalidArgumentError(say(text.wholeNumber, locale, { min }));
    return Number(value);
  };
  return {
    format: (choices: readonly string[], byDefault?: string, description?: Text) => {
      const o = new Option('-f, --format <format>', t(description ?? text.format)).choices(choices);
      return byDefault === undefined ? o : o.default(byDefault);
    },
    output: (description?: Text) => new Option('-o, --output <file>', description ? t(description) : t(text.output)),
    /** check's former name of -o: still accepted, not shown */
    outputFile: () => new Option('--output-file <file>', t(text.outputFile)).hideHelp(),
    locale: () => new Option('--locale <locale>', t(text.locale)).choices(locales).default('zh'),
    quiet: () => new Option('--quiet', t(text.quiet)),
    jobs: () => new Option('-j, --jobs <n>', t(text.jobs)).argParser(whole(1)),
    config: () => new Option('-c, --config <file>', t(text.config)),
    rule: () => new Option('--rule <id=severity>', t(text.rule)).argParser(collect),
    color: () => new Option('--no-color', t(text.color)),
    maxWarnings: () => new Option('--max-warnings <n>', t(text.maxWarnings)).argParser(whole(0)),
    ignorePattern: () => new Option('--ignore-pattern <pattern>', t(text.ignorePattern)).argParser(collect),
    noIgnore: () => new Option('--no-ignore', t(text.noIgnore)),
    noInlineConfig: () => new Option('--no-inline-config', t(text.noInlineConfig)),
    reportUnused: () => new Option('--report-unused-disable-directives', t(text.reportUnused)),
    reportUnusedSeverity: () => new Option('--report-unused-disable-directives-severity <level>', t(text.reportUnusedSeverity)).choices(['off', 'warn', 'error']),
    fix: () => new Option('--fix', t(text.fix)),
    printConfig: () => new Option('--print-config <file>', t(text.printConfig)),
    help: () => ['-h, --help', t(text.help)] as const,
    helpCommand: () => ['help [command]', t(text.helpCommand)] as const,
    version: () => ['-v, --version', t(text.version)] as const,
  };
}

export type Vocabulary = ReturnType<typeof vocabulary>;
