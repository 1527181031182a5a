// What configuration errors and notes say, in both locales (one place for the texts of src/config).
import type { Text } from '../util/i18n.js';

export const configText = {
  hint: { zh: '；是否为“{hint}”？', en: '; did you mean "{hint}"?' },
  unknownRule: { zh: '{path}: 没有名为“{id}”的规则（见 plan-lint rules）{hint}', en: '{path}: unknown rule "{id}" (see plan-lint rules){hint}' },
  badLevel: {
    zh: '{path}: 严重程度应为 off、warn 或 error，收到 {got}{numeric}',
    en: '{path}: the severity must be off, warn or error, not {got}{numeric}',
  },
  numeric: { zh: '（ESLint 的数字写法请改为：0 → off，1 → warn，2 → error）', en: " (ESLint's numbers are written here as words: 0 → off, 1 → warn, 2 → error)" },
  badEntry: {
    zh: '{path}: 应为严重程度（off、warn、error）、[严重程度, 选项] 或 {severity: …, options: …}，收到 {got}',
    en: '{path}: expected a severity (off, warn, error), [severity, options] or {severity: …, options: …}, not {got}',
  },
  tuple: { zh: '{path}: 应为 [严重程度, 选项]，收到 {count} 项', en: '{path}: expected [severity, options], not {count} items' },
  noOptions: { zh: '{path}: 此规则没有选项', en: '{path}: this rule takes no options' },
  optionsObject: { zh: '{path}: 选项应为对象，收到 {got}', en: '{path}: the options must be an object, not {got}' },
  unknownKey: { zh: '{path}: 未知的键“{key}”（可用：{keys}）{hint}', en: '{path}: unknown key "{key}" (allowed: {keys}){hint}' },
  expected: { zh: '{path}: 应为{expected}，收到 {got}', en: '{path}: expected {expected}, not {got}' },
  missing: { zh: '{path}: 缺少此项（应为{expected}）', en: '{path}: required ({expected})' },
  oneOf: { zh: '{path}: 应为 {values} 之一，收到 {got}', en: '{path}: expected one of {values}, not {got}' },
  tooSmall: { zh: '{path}: 至少应有 {minimum} {unit}', en: '{path}: at least {minimum} {unit}' },
  tooBig: { zh: '{path}: 至多 {maximum} {unit}', en: '{path}: at most {maximum} {unit}' },
  other: { zh: '{path}: {message}', en: '{path}: {message}' },
  folder: { zh: '是文件夹，不是配置文件', en: 'is a folder, not a configuration file' },
  notRegular: { zh: '不是普通文件，不是配置文件', en: 'not a regular file, not a configuration file' },
  tooLarge: { zh: '文件过大（{size} MB），不是配置文件', en: 'too large ({size} MB), not a configuration file' },
  cannotRead: { zh: '无法读取（{code}）', en: 'cannot read: {code}' },
  invalidSyntax: { zh: '{format} 语法错误：{message}', en: 'invalid {format}: {message}' },
  moduleFailed: { zh: '作为模块加载失败：{message}', en: 'cannot be loaded as a module: {message}' },
  moduleShape: { zh: '模块应导出配置对象（module.exports 或 export default），收到 {got}', en: 'the module must export a configuration object (module.exports or export default), not {got}' },
  extendsCycle: { zh: 'extends: 循环引用（{chain}）', en: 'extends: a cycle ({chain})' },
  extendsMissing: { zh: 'extends: 找不到“{target}”（{reason}）', en: 'extends: cannot find "{target}" ({reason})' },
  ruleFlag: { zh: '--rule {flag}: 应为 ID=off|warn|error', en: '--rule {flag}: expected ID=off|warn|error' },
  ruleFlagUnknown: { zh: '--rule {flag}: 没有名为“{id}”的规则（见 plan-lint rules）{hint}', en: '--rule {flag}: unknown rule "{id}" (see plan-lint rules){hint}' },
  ruleFlagLevel: { zh: '--rule {flag}: 严重程度应为 off、warn 或 error', en: '--rule {flag}: severity must be off, warn or error' },
  inert: { zh: 'plan-lint: {where}: {why}\n', en: 'plan-lint: {where}: {why}\n' },
  competing: {
    zh: 'plan-lint: {dir}: 同一文件夹中有多个配置文件（{files}），只使用 {used}\n',
    en: 'plan-lint: {dir}: several configuration files in one folder ({files}); only {used} is used\n',
  },
} satisfies Record<string, Text>;

/** Type names as messages say them. */
export const typeNames: Record<string, Text> = {
  string: { zh: '字符串', en: 'a string' },
  number: { zh: '数字', en: 'a number' },
  boolean: { zh: '布尔值（true 或 false）', en: 'a boolean (true or false)' },
  array: { zh: '数组', en: 'an array' },
  object: { zh: '对象', en: 'an object' },
  null: { zh: 'null', en: 'null' },
};

export const sizeUnits: Record<string, Text> = {
  array: { zh: '项', en: 'items' },
  string: { zh: '个字符', en: 'characters' },
  number: { zh: '', en: '' },
};
