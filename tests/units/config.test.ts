// `units.aliases` in a configuration file: read, validated, and named in errors like every key.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfigFile } from '../../src/config/load.js';
import { ConfigError } from '../../src/config/schema.js';
import { workspace } from '../helpers/cli.js';

describe('units.aliases in the configuration', () => {
  it('is read from YAML and JSON', () => {
    const dir = workspace({
      '.planlintrc.yaml': 'units:\n  aliases:\n    市市场监管局: 市市场监督管理局\n',
      'b/.planlintrc.json': JSON.stringify({ units: { aliases: { 区安监局: '区应急管理局' } }, rules: { 'garbled-text': 'off' } }),
    });
    expect(readConfigFile(path.join(dir, '.planlintrc.yaml')).units).toEqual({ aliases: { 市市场监管局: '市市场监督管理局' } });
    const b = readConfigFile(path.join(dir, 'b/.planlintrc.json'));
    expect(b.units).toEqual({ aliases: { 区安监局: '区应急管理局' } });
    expect(b.rules).toEqual({ 'garbled-text': { level: 'off' } });
  });

  it('an alias that is not a name, or an unknown key under units, is an error naming the key', () => {
    const dir = workspace({
      'a.yaml': 'units:\n  aliases:\n    市市场监管局: [x]\n',
      'b.yaml': 'units:\n  alias: {a: b}\n',
    });
    const message = (f: string) => {
      try {
        readConfigFile(path.join(dir, f));
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as Error).message;
      }
      return null;
    };
    expect(message('a.yaml')).toMatch(/^units\.aliases\.市市场监管局: /);
    expect(message('b.yaml')).toMatch(/^units: .*alias/);
  });
});
