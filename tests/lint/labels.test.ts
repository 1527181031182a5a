import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { taskLabel, tightSpaces } from '../../src/lint/util.js';
import type { Task } from '../../src/model/schema.js';
import { same } from '../helpers/same.js';

const task = (text: string, title?: string) => ({ text, title }) as unknown as Task;

describe('labels of messages (src/lint/util.ts)', () => {
  it('tightSpaces drops whitespace inside Chinese and keeps one space between Latin words or digits', () => {
    expect(tightSpaces('  市公安局开发 区分局\n负责  ')).toBe('市公安局开发区分局负责');
    expect(tightSpaces('推进5G  SA组网，支持IPv6\u3000over 网络')).toBe('推进5G SA组网，支持IPv6 over网络');
    expect(tightSpaces(' \n\t ')).toBe('');
  });

  it('taskLabel shows the lead phrase or the start of the text, cut after 24 characters', () => {
    expect(taskLabel(task('全文', '健全应急指挥体系。'))).toBe('健全应急指挥体系');
    const long = '完善区应急指挥部运行机制，建立健全 统一指挥、专常兼备、反应灵敏、上下联动的应急管理体制。';
    expect(taskLabel(task(long))).toBe('完善区应急指挥部运行机制，建立健全统一指挥、专常…');
    // a trailing mark is dropped before counting: 25 characters and a 。 make no cut
    const exact = '一二三四五六七八九十一二三四五六七八九十一二三四五。';
    expect(taskLabel(task(exact), 25)).toBe(exact.slice(0, -1));
    expect(taskLabel(task(exact), 24)).toBe(exact.slice(0, 24) + '…');
    // characters beyond the BMP count as one
    expect(taskLabel(task('𠀀'.repeat(30)), 3)).toBe('𠀀𠀀𠀀…');
    // …and a lone surrogate as one, as spreading the string into its characters counts them
    expect(taskLabel(task('\ud840一二三四'), 2)).toBe('\ud840一…');
  });

  it('taskLabel cuts where the first max characters (code points) end, for any text', () => {
    const byChars = (t: string, max: number) => {
      const chars = [...t];
      return chars.length > max ? chars.slice(0, max).join('') + '…' : t;
    };
    const text = fc.array(fc.constantFrom('一', '二', 'a', '𠀀', '\ud840', '\udc00'), { maxLength: 80 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 30 }), (t, max) => {
        // no whitespace and no trailing mark in the sample: the label is the text itself, cut
        same(taskLabel(task(t), max), byChars(t, max));
      }),
    );
  });
});
