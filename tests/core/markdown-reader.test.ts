// The Markdown reader reads runs of plain headings and paragraphs by hand and hands every other
// run to remark: its blocks and directives must be exactly those of remark reading the whole
// text, for any mix of Markdown constructs, line ends and whitespace.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMarkdown, readMarkdownWithRemark } from '../../src/ingest/markdown.js';
import { SourceText } from '../../src/ingest/source-text.js';
import { repo } from '../helpers/cli.js';

const read = async (text: string) => {
  const s = new SourceText(text);
  return { hand: await readMarkdown(s), remark: await readMarkdownWithRemark(s) };
};

// lines of every kind a plan in Markdown has, and of the syntax that must go to remark
const LINES = [
  '# 2020年全区应急管理工作要点',
  '## 一、总体要求',
  '### （一）健全应急指挥体系',
  '#\t标题与制表符',
  '# 标题 #',
  '####### 七个井号',
  '#标题无空格',
  '完善应急指挥部运行机制，加强监测预警。（责任单位：区应急管理局）',
  '到2025年，建成3个应急指挥分中心。',
  '1.加强组织领导',
  '1. 有序列表项',
  '2) 列表项',
  '- 无序列表项',
  '* 星号列表',
  '+ 加号列表',
  '    缩进四格的文字',
  '\t制表符开头',
  '　　全角空格开头',
  '行尾有空格 ',
  '行尾两个空格  ',
  '> 引用的文字',
  '---',
  '===',
  '***',
  '| 指标 | 目标值 | 属性 |',
  '| --- | --- | --- |',
  '| 死亡人数 | 下降10% | 约束性 |',
  '<!-- plan-lint-disable placeholder-text -->',
  '<!-- plan-lint-disable-next-line -->',
  '<div>块</div>',
  '**加粗**的文字',
  '_强调_ 与 *强调*',
  '`代码`',
  '[链接](https://example.com)',
  '![图](a.png)',
  '见http://www.gov.cn/a_b_c.htm',
  'www.gov.cn',
  'a@b.cn',
  '转义\\*字符',
  '实体&amp;文字',
  '删除~~线~~',
  '[^1]脚注',
  '- [ ] 任务',
  '原文链接：https://www.gov.cn/zhengce/content/2021-01/x_y.htm',
  '',
  '',
  '   ',
];

describe('the Markdown reader', () => {
  it('reads random mixes of lines exactly as remark reads the whole text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...LINES), { maxLength: 14 }), fc.constantFrom('\n', '\r\n', '\r'), async (lines, eol) => {
        const { hand, remark } = await read(lines.join(eol));
        expect(hand).toEqual(remark);
      }),
      { numRuns: 150 },
    );
  });

  it('reads the Markdown fixtures and real documents exactly as remark does', async () => {
    for (const dir of ['md', 'minimal', 'corpus'])
      for (const f of readdirSync(path.join(repo, 'fixtures', dir)).filter((x) => x.endsWith('.md'))) {
        const { hand, remark } = await read(readFileSync(path.join(repo, 'fixtures', dir, f), 'utf8'));
        expect(hand, f).toEqual(remark);
      }
  });

  it('hands fenced code, definitions and comments over several lines to remark whole', async () => {
    for (const text of [
      '# 标题\n\n```\n代码\n\n仍是代码\n```\n\n正文',
      '正文[a]\n\n[a]: https://example.com\n',
      '正文\n\n<!-- 注释\n\n仍是注释 -->\n\n正文二',
      '1. 一\n\n2. 二\n\n正文\n\n1. 又一',
    ]) {
      const { hand, remark } = await read(text);
      expect(hand, text).toEqual(remark);
    }
  });
});
