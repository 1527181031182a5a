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
