import { textFacts } from '../../analysis/text-facts.js';
import type { TextBlock } from '../../model/analysis.js';
import { defineRule } from '../types.js';
import { examplePlan } from './examples.js';

export const garbledText = defineRule({
  id: 'garbled-text',
  defaultSeverity: 'warn',
  fixable: true,
  messages: {
    replacement: { zh: '乱码：无法解码的字符“{text}”', en: 'Garbled text: undecodable character "{text}"' },
    replacementGuessed: {
      zh: '乱码：无法解码的字节“{text}”（文件编码是推测的：按 {encoding} 读取）',
      en: 'Garbled text: undecodable bytes "{text}" (the encoding was a guess: read as {encoding})',
    },
    codePage: { zh: '乱码：“{text}”像是用错误的中文编码读出的文字', en: 'Garbled text: "{text}" looks like text read with the wrong Chinese code page' },
    pinyin: { zh: '文中夹入了注音“{text}”', en: 'Pinyin injected into the text: "{text}"' },
    lostChars: { zh: '“{text}”疑为转换时丢失的字符', en: '"{text}" probably stands for characters lost in conversion' },
    mojibake: { zh: '乱码：“{text}”像是编码错读的文字', en: 'Garbled text: "{text}" looks like text decoded with the wrong encoding' },
    lostDate: {
      zh: '日期“{text}”丢失了年月日，疑为{year}年{month}月{day}日',
      en: 'Date "{text}" lost its 年月日; probably {date}',
    },
  },
  docs: {
    summary: { zh: '编码损坏：U+FFFD、乱码串、夹入的注音、丢失的字符（???）、丢失年月日的日期（如“2022424”）', en: 'Encoding damage: U+FFFD, mojibake runs, injected pinyin, lost characters (???), digits-only dates such as "2022424"' },
    what: {
      zh: '报告替换字符 U+FFFD（文件编码是推测的时说明按何种编码读取）、乱码串（UTF-8 按 GBK 读出：鈥、銆、锛；按 Latin-1 读出：Ã©、â€œ；按错误的中文代码页读出：大量 GB2312 以外的字符，或中文词中夹着注音符号、假名，如“ㄒ唬”）、夹在汉字后的带声调拼音（“发(fā)展”）、代表丢失字符的连串问号，以及复制时丢失了年月日的日期（单独成行或位于落款行末尾的“2022424”，7至8位数字且能读成真实日期）。--fix 会把只有一种读法的日期写全（“2022年4月24日”）；有两种读法的（“2022111”可能是1月11日或11月1日）保持不变。',
      en:
      'Reports the replacement character U+FFFD (saying how the file was decoded where that was a guess), runs of ' +
      'mojibake (UTF-8 read as GBK: 鈥, 銆, 锛; read as Latin-1: Ã©, â€œ; text read with the wrong Chinese code page: ' +
      'runs dense in characters outside GB2312 or in 注音/kana inside Chinese words, "ㄒ唬"), pinyin with tone marks ' +
      'injected after characters ("发(fā)展"), runs of "?" standing for lost characters, and dates whose 年月日 were ' +
      'lost in copying ("2022424" on a line of its own or at the end of a signature line, 7–8 digits that read as a ' +
      'real date). --fix writes such a date out ("2022年4月24日") where the digits read as one date only ("2022111" may be ' +
      '1月11日 or 11月1日: left as it is).',
    },
    why: {
      zh: '损坏的文字会悄悄改变意思：“2022424”只有靠猜才能读成2022年4月24日；一个 � 可能原本是任何字。',
      en: 'Damaged text changes meaning silently: "2022424" is 2022年4月24日 only to a reader who guesses it; a � may have been any character.',
    },
    failing: {
      text: examplePlan({
        before: ['示范区人民政府', '2022424', ''],
        tasks: ['(一)健全应急指挥体系。完善应急指挥部运(yùn)行机制。(责任单位:区应急管理局)', '(二)加强监测预警。建设???平台。(责任单位:区应急管理局)'],
      }),
      reports: ['2:1', '23:21', '24:13'],
    },
    passing: {
      text: examplePlan({
        before: ['示范区人民政府', '2022年4月24日', ''],
        tasks: ['(一)健全应急指挥体系。完善应急指挥部运行机制。(责任单位:区应急管理局)', '(二)加强监测预警。建设综合监测预警平台。(责任单位:区应急管理局)'],
      }),
    },
  },
  create(ctx) {
    const note = ctx.analysis.source.encodingNote ?? null;
    // found once for all blocks (src/analysis/text-facts.ts), in block order
    const { damage, lostDates } = textFacts(ctx.analysis.blocks, ctx.words);
    let nextDamage = 0;
    let nextDate = 0;
    return {
      // the blocks that hold a finding, in order (damage, then a lost date, in each), not a call for every block
      blocks(blocks) {
        while (nextDamage < damage.length || nextDate < lostDates.length) {
          const index = Math.min(damage[nextDamage]?.block ?? Infinity, lostDates[nextDate]?.block ?? Infinity);
          found(blocks[index], index);
        }
      },
    };

    function found(block: TextBlock, index: number): void {
      for (; nextDamage < damage.length && damage[nextDamage].block === index; nextDamage++) {
        const f = damage[nextDamage];
        const kind = f.kind;
        let messageId: 'mojibake' | 'codePage' | 'pinyin' | 'lostChars' | 'replacement' | 'replacementGuessed' = kind;
        const data: Record<string, string> = { text: f.text };
        if (kind === 'mojibake' && /\uFFFD/.test(f.text) && f.text.replace(/\uFFFD/g, '') === '') {
          messageId = note ? 'replacementGuessed' : 'replacement';
          if (note) data.encoding = ctx.analysis.source.encoding;
        }
        ctx.report({ messageId, data, ...ctx.source.blockSpan(block, f.index, f.index + f.length), plan: block.plan });
      }
      for (; nextDate < lostDates.length && lostDates[nextDate].block === index; nextDate++) {
        const { index: at, length, text, date, readings } = lostDates[nextDate];
        const [year, month, day] = date.split('-');
        const span = ctx.source.blockSpan(block, at, at + length);
        // --fix writes the date out only where the digits read one way and stand in the file as read
        const unique = readings === 1 && ctx.source.text.slice(span.start.offset, span.end.offset) === text;
        ctx.report({
          messageId: 'lostDate',
          data: { text, date, year, month: Number(month), day: Number(day) },
          ...span,
          plan: block.plan,
          ...(unique ? { fix: { range: [span.start.offset, span.end.offset], text: `${year}年${Number(month)}月${Number(day)}日` } } : {}),
        });
      }
    }
  },
});
