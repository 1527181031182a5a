// What the commands say on standard error, in both locales (one place for the commands' texts;
// option texts are in options.ts, commander's own in help.ts).
import type { Text } from '../util/i18n.js';

export const cliText = {
  emptyPath: { zh: 'plan-lint: 路径参数为空（是否引用了未设置的 shell 变量？）\n', en: 'plan-lint: an empty path was given (an unset shell variable?)\n' },
  tooManyWarnings: { zh: 'plan-lint: 警告过多（{count} 个，上限 {max}）\n', en: 'plan-lint: too many warnings ({count}, maximum {max})\n' },
  skippedNoPlan: {
    zh: 'plan-lint: {file}: 已跳过：未发现规划结构（没有规划标题、指标、重点工程、目标或规划期，且大部分文字不是中文）；若它确是规划，请单独指定此文件\n',
    en: 'plan-lint: {file}: skipped: no plan structure found (no plan title, indicator, key project, goal or period, and mostly not Chinese text); name the file on its own if it is a plan\n',
  },
  skippedIgnored: {
    zh: 'plan-lint: {file}: 已按忽略规则（.planlintignore 或 --ignore-pattern）跳过；使用 --no-ignore 可检查它\n',
    en: 'plan-lint: {file}: ignored by .planlintignore or --ignore-pattern; use --no-ignore to check it\n',
  },
  fixFormat: {
    zh: 'plan-lint: {file}: 未修正：--fix 只改写纯文本（.txt）和 Markdown（.md）文件\n',
    en: 'plan-lint: {file}: not fixed: --fix rewrites plain text (.txt) and Markdown (.md) files only\n',
  },
  fixStream: { zh: 'plan-lint: {file}: 未修正：--fix 不改写标准输入或管道\n', en: 'plan-lint: {file}: not fixed: --fix does not rewrite standard input or a pipe\n' },
  fixEncoding: {
    zh: 'plan-lint: {file}: 未修正：文件无法按原编码原样写回（含有损坏的字节）\n',
    en: 'plan-lint: {file}: not fixed: the file cannot be written back in its own encoding unchanged (it holds damaged bytes)\n',
  },
  fixChanged: { zh: 'plan-lint: {file}: 未修正：文件在检查过程中被修改\n', en: 'plan-lint: {file}: not fixed: the file changed while it was checked\n' },
  fixedCount: { zh: 'plan-lint: {file}: 已修正 {count} 处\n', en: 'plan-lint: {file}: {count} fixed\n' },
  unknownFailOn: { zh: 'plan-lint: 未知的 --fail-on 类型“{kind}”（可用：{kinds}）{hint}\n', en: 'plan-lint: unknown --fail-on kind "{kind}" (one of: {kinds}){hint}\n' },
  hint: { zh: '；是否为“{hint}”？', en: '; did you mean "{hint}"?' },
  twoStdin: { zh: 'plan-lint: 两个版本中只能有一个从标准输入读取\n', en: 'plan-lint: only one of the two revisions can be read from standard input\n' },
  failOnMatched: { zh: 'plan-lint: --fail-on 命中：{matched}\n', en: 'plan-lint: --fail-on matched: {matched}\n' },
  unknownRules: { zh: 'plan-lint: 没有这些规则：{ids}{hint}\n', en: 'plan-lint: unknown rule {ids}{hint}\n' },
  printConfigNoInputs: { zh: 'plan-lint: --print-config 只需要一个文件，不需要其他路径\n', en: 'plan-lint: --print-config takes one file and no other paths\n' },
  missingPaths: { zh: 'plan-lint: 缺少必需的参数 <paths...>\n', en: "plan-lint: missing required argument 'paths'\n" },
} satisfies Record<string, Text>;
