import { findGarbled, lostDate } from '../../analysis/text-scan.js';
import { escapeRegExp } from '../../util/text.js';
import { defineRule } from '../types.js';
import { examplePlan } from './examples.js';

export const garbledText = defineRule({
  id: 'garbled-text',
  defaultSeverity: 'warn',
  messages: {
    replacement: { zh: '乱码：无法解码的字符“{text}”', en: 'Garbled text: undecodable character "{text}"' },
    mojibake: { zh: '乱码：“{text}”像是编码错读的文字', en: 'Garbled text: "{text}" looks like text decoded with the wrong encoding' },
    lostDate: {
      zh: '日期“{text}”丢失了年月日，疑为{year}年{month}月{day}日',
      en: 'Date "{text}" lost its 年月日; probably {date}',
    },
  },
  docs: {
    summary: { zh: '编码损坏：U+FFFD、乱码串、丢失年月日的日期（如“2022424”）', en: 'Encoding damage: U+FFFD, mojibake runs, digits-only dates such as "2022424"' },
    what:
      'Reports the replacement character U+FFFD, runs of mojibake (UTF-8 read as GBK: 鈥, 銆, 锛; read as Latin-1: ' +
      'Ã©, â€œ), and dates whose 年月日 were lost in copying ("2022424" on a line of its own or at the end of a ' +
      'signature line, 7–8 digits that read as a real date).',
    why: 'Damaged text changes meaning silently: "2022424" is 2022年4月24日 only to a reader who guesses it; a � may have been any character.',
    failing: {
      text: examplePlan({ before: ['示范区人民政府', '2022424', ''] }),
      reports: ['2:1'],
    },
    passing: {
      text: examplePlan({ before: ['示范区人民政府', '2022年4月24日', ''] }),
    },
  },
  create(ctx) {
    const endings = ctx.words.mojibake.signatureEndings.map(escapeRegExp).join('|');
    const signed = new RegExp(`^(?:.*(?:${endings})[\\s　]*)?((?:19|20)\\d{5,6})[\\s　]*$`, 'u');
    return {
      block(block) {
        for (const f of findGarbled(block.text, ctx.words)) {
          const messageId = /\uFFFD/.test(f.text) && f.text.replace(/\uFFFD/g, '') === '' ? 'replacement' : 'mojibake';
          ctx.report({ messageId, data: { text: f.text }, ...ctx.source.blockSpan(block, f.index, f.index + f.length), plan: block.plan });
        }
        // only lines ending in 7–8 digits can hold a lost date: test the costly pattern on those alone
        const m = /\d{7}[\s　]*$/.test(block.text) ? signed.exec(block.text.trimStart()) : null;
        const date = m ? lostDate(m[1]) : null;
        if (!m || !date) return;
        const index = block.text.lastIndexOf(m[1]);
        const [year, month, day] = date.split('-');
        ctx.report({
          messageId: 'lostDate',
          data: { text: m[1], date, year, month: Number(month), day: Number(day) },
          ...ctx.source.blockSpan(block, index, index + m[1].length),
          plan: block.plan,
        });
      },
    };
  },
});
