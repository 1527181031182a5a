import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver, findConfigFile, readConfigFile } from '../../src/config/load.js';
import { ConfigError, parseRuleFlag, validateConfig, withRuleFlags } from '../../src/config/schema.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'plan-lint-config-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return `${path.basename((e as ConfigError).file)}: ${(e as Error).message}`;
  }
  throw new Error('no error');
}

describe('configuration files', () => {
  it('finds the nearest .planlintrc.yaml, .planlintrc.json or package.json#planLint upwards', () => {
    const root = tree({
      'package.json': JSON.stringify({ name: 'x', planLint: { rules: { 'garbled-text': 'error' } } }),
      'a/.planlintrc.yaml': 'rules:\n  placeholder-text: warn\n',
      'a/b/plan.txt': '',
      'c/package.json': JSON.stringify({ name: 'no-config-here' }),
      'c/plan.txt': '',
    });
    expect(findConfigFile(path.join(root, 'a/b'))).toBe(path.join(root, 'a/.planlintrc.yaml'));
    expect(findConfigFile(path.join(root, 'c'))).toBe(path.join(root, 'package.json'));
    const resolver = new ConfigResolver();
    expect(resolver.forDir(path.join(root, 'a/b')).rules).toEqual({ 'placeholder-text': { level: 'warn' } });
    expect(resolver.forDir(path.join(root, 'c')).rules).toEqual({ 'garbled-text': { level: 'error' } });
  });

  it('reads rule options in the object and the ESLint tuple form', () => {
    const root = tree({
      '.planlintrc.yaml': 'rules:\n  owner-unknown:\n    options:\n      units: [区应急管理局, 区气象局]\n  task-vague-owner: [error]\n',
      '.planlintrc.json': '{"rules": {"owner-unknown": ["warn", {"units": ["区应急管理局"]}]}}',
    });
    expect(readConfigFile(path.join(root, '.planlintrc.yaml')).rules).toEqual({
      'owner-unknown': { options: { units: ['区应急管理局', '区气象局'] } },
      'task-vague-owner': { level: 'error' },
    });
    expect(readConfigFile(path.join(root, '.planlintrc.json')).rules).toEqual({
      'owner-unknown': { level: 'warn', options: { units: ['区应急管理局'] } },
    });
  });

  it('names the file and the key of an invalid configuration', () => {
    const root = tree({
      'bad-level.yaml': 'rules:\n  placeholder-text: loud\n',
      'bad-rule.yaml': 'rules:\n  no-such-rule: warn\n',
      'bad-option.yaml': 'rules:\n  owner-unknown:\n    options:\n      units: 区应急管理局\n',
      'bad-key.yaml': 'rule:\n  placeholder-text: warn\n',
      'bad-yaml.yaml': 'rules: [\n',
      'no-options.json': '{"rules": {"garbled-text": ["warn", {"x": 1}]}}',
    });
    const read = (f: string) => () => readConfigFile(path.join(root, f));
    expect(errorOf(read('bad-level.yaml'))).toMatch(/^bad-level\.yaml: rules\.placeholder-text: /);
    expect(errorOf(read('bad-rule.yaml'))).toBe('bad-rule.yaml: rules.no-such-rule: unknown rule "no-such-rule" (see plan-lint rules)');
    expect(errorOf(read('bad-option.yaml'))).toMatch(/^bad-option\.yaml: rules\.owner-unknown\.options\.units: .*array/);
    expect(errorOf(read('bad-key.yaml'))).toMatch(/^bad-key\.yaml: \(root\): .*rule/);
    expect(errorOf(read('bad-yaml.yaml'))).toMatch(/^bad-yaml\.yaml: invalid YAML: /);
    expect(errorOf(read('no-options.json'))).toBe('no-options.json: rules.garbled-text[1]: this rule takes no options');
  });

  it('refuses YAML alias bombs', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill('*' + 'abcdefgh'[i]).join(', ')}]`), 'rules: {}'].join('\n');
    const root = tree({ 'bomb.yaml': bomb });
    expect(errorOf(() => readConfigFile(path.join(root, 'bomb.yaml')))).toMatch(/^bomb\.yaml: invalid YAML: .*[Aa]lias/);
  });
});

describe('--rule flags', () => {
  it('parses ID=level and lays it over the file configuration, keeping options', () => {
    const base = validateConfig({ rules: { 'owner-unknown': { options: { units: ['甲'] } } } }, 'x');
    const merged = withRuleFlags(base, [parseRuleFlag('owner-unknown=error'), parseRuleFlag('garbled-text=off')]);
    expect(merged.rules).toEqual({ 'owner-unknown': { level: 'error', options: { units: ['甲'] } }, 'garbled-text': { level: 'off' } });
  });
  it('rejects unknown rules and severities', () => {
    expect(() => parseRuleFlag('nope=warn')).toThrow('unknown rule "nope"');
    expect(() => parseRuleFlag('garbled-text=loud')).toThrow('severity must be off, warn or error');
    expect(() => parseRuleFlag('garbled-text')).toThrow('expected ID=off|warn|error');
  });
});

describe('messages that say what is allowed', () => {
  const root = tree({
    'number.json': '{"rules":{"placeholder-text":1}}',
    'word.yaml': 'rules:\n  placeholder-text: loud\n',
    'key.yaml': 'rule:\n  placeholder-text: warn\n',
    'entry-key.yaml': 'rules:\n  placeholder-text:\n    level: warn\n',
    'option.yaml': 'rules:\n  owner-unknown:\n    options:\n      unit: [区应急管理局]\n',
    'override.yaml': 'overrides:\n  - file: "*.txt"\n',
  });
  const read = (f: string, locale: 'zh' | 'en' = 'en') => errorOf(() => readConfigFile(path.join(root, f), locale));

  it('names the key, the allowed values and what was found, in both locales', () => {
    expect(read('number.json')).toBe(
      "number.json: rules.placeholder-text: the severity must be off, warn or error, not 1 (ESLint's numbers are written here as words: 0 → off, 1 → warn, 2 → error)",
    );
    expect(read('word.yaml', 'zh')).toBe('word.yaml: rules.placeholder-text: 严重程度应为 off、warn 或 error，收到 "loud"');
    expect(read('key.yaml')).toBe('key.yaml: (root): unknown key "rule" (allowed: $schema, extends, rules, overrides, units); did you mean "rules"?');
    expect(read('entry-key.yaml')).toBe('entry-key.yaml: rules.placeholder-text: unknown key "level" (allowed: severity, options)');
    expect(read('option.yaml')).toBe('option.yaml: rules.owner-unknown.options: unknown key "unit" (allowed: units, maxDistance); did you mean "units"?');
    expect(read('override.yaml')).toMatch(/^override\.yaml: overrides\.0: unknown key "file" \(allowed: files, excludedFiles, rules\); did you mean "files"\?$/);
  });
});

describe('modules, extends and overrides', () => {
  it('loads .js, .cjs and .mjs configurations as modules', () => {
    const root = tree({
      'a/.planlintrc.cjs': "module.exports = { rules: { 'garbled-text': 'off' } };\n",
      'b/.planlintrc.mjs': "export default { rules: { 'garbled-text': 'error' } };\n",
      'c/.planlintrc.js': "module.exports = { rules: { 'garbled-text': 'warn' } };\n",
      'd/.planlintrc.cjs': 'module.exports = 42;\n',
      'e/.planlintrc.cjs': 'throw new Error("broken config");\n',
    });
    const resolver = new ConfigResolver();
    expect(resolver.forDir(path.join(root, 'a')).rules).toEqual({ 'garbled-text': { level: 'off' } });
    expect(resolver.forDir(path.join(root, 'b')).rules).toEqual({ 'garbled-text': { level: 'error' } });
    expect(resolver.forDir(path.join(root, 'c')).rules).toEqual({ 'garbled-text': { level: 'warn' } });
    expect(errorOf(() => readConfigFile(path.join(root, 'd/.planlintrc.cjs')))).toBe(
      '.planlintrc.cjs: the module must export a configuration object (module.exports or export default), not 42',
    );
    expect(errorOf(() => readConfigFile(path.join(root, 'e/.planlintrc.cjs')))).toBe('.planlintrc.cjs: cannot be loaded as a module: broken config');
  });

  it('extends: the extended files first, this one over them; cycles refused', () => {
    const root = tree({
      'base.yaml': 'rules:\n  garbled-text: off\n  owner-unknown: [warn, {units: [区应急管理局]}]\n',
      'team/.planlintrc.yaml': 'extends: ../base.yaml\nrules:\n  owner-unknown: error\n',
      'loop/a.yaml': 'extends: b.yaml\n',
      'loop/b.yaml': 'extends: a.yaml\n',
      'gone/.planlintrc.yaml': 'extends: nowhere.yaml\n',
    });
    const c = readConfigFile(path.join(root, 'team/.planlintrc.yaml'));
    expect(c.rules).toEqual({ 'garbled-text': { level: 'off' }, 'owner-unknown': { level: 'error', options: { units: ['区应急管理局'] } } });
    expect(c.sources).toEqual([path.join(root, 'base.yaml'), path.join(root, 'team/.planlintrc.yaml')]);
    expect(errorOf(() => readConfigFile(path.join(root, 'loop/a.yaml')))).toBe('b.yaml: extends: a cycle (a.yaml → b.yaml → a.yaml)');
    expect(errorOf(() => readConfigFile(path.join(root, 'gone/.planlintrc.yaml')))).toBe('.planlintrc.yaml: extends: cannot find "nowhere.yaml" (ENOENT)');
  });

  it('overrides: rules for files matching globs relative to the configuration, later ones winning', () => {
    const root = tree({
      '.planlintrc.yaml': [
        'rules:',
        '  task-missing-deadline: off',
        'overrides:',
        '  - files: ["*工作要点*.txt"]',
        '    rules: { task-missing-deadline: error }',
        '  - files: ["drafts/**"]',
        '    excludedFiles: ["drafts/final/**"]',
        '    rules: { placeholder-text: warn, task-missing-deadline: warn }',
      ].join('\n'),
    });
    const resolver = new ConfigResolver();
    const rules = (rel: string) => resolver.forFile(path.join(root, rel)).rules;
    expect(rules('plan.txt')).toEqual({ 'task-missing-deadline': { level: 'off' } });
    expect(rules('sub/2024年工作要点.txt')).toEqual({ 'task-missing-deadline': { level: 'error' } });
    expect(rules('drafts/2024年工作要点.txt')).toEqual({ 'task-missing-deadline': { level: 'warn' }, 'placeholder-text': { level: 'warn' } });
    expect(rules('drafts/final/plan.txt')).toEqual({ 'task-missing-deadline': { level: 'off' } });
  });
});

describe('competing files', () => {
  it('the first of .yaml, .yml, .json, .js, .cjs, .mjs, package.json wins, and the caller hears of the others', () => {
    const root = tree({ '.planlintrc.json': '{}', '.planlintrc.yaml': 'rules: {}\n', 'package.json': '{"planLint": {}}' });
    const heard: string[][] = [];
    expect(findConfigFile(root, (_d, files) => heard.push(files.map((f) => path.basename(f))))).toBe(path.join(root, '.planlintrc.yaml'));
    expect(heard).toEqual([['.planlintrc.yaml', '.planlintrc.json', 'package.json']]);
  });
});
