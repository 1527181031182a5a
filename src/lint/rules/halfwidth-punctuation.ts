import type { TextBlock } from '../../model/analysis.js';
import { defineRule, type Fix } from '../types.js';

const full: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const han = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const isHan = (c: string | undefined) => c !== undefined && han.test(c);

const text = (lines: string[]) =>
  ['示范区应急管理“十四五”规划（2021—2025年）', '', '一、发展目标', '到2025年，应急管理体系和能力现代化取得重大进展。', '', '二、主要任务', ...lines, '', '三、保障措施', '（一）加强组织领导。各部门要把规划实施摆在重要位置。', ''].join('\n');

export const halfwidthPunctuation = defineRule({
  id: 'halfwidth-punctuation',
  defaultSeverity: 'off',
  fixable: true,
  messages: {
    mark: { zh: '中文文字中的半角标点“{mark}”，应为全角“{full}”', en: 'Half-width "{mark}" in Chinese text: the full-width "{full}" is meant' },
  },
  docs: {
    summary: { zh: '中文文字中的半角标点（, ; : ? ! ( )），可自动改为全角（需手动开启）', en: 'Half-width punctuation (, ; : ? ! ( )) in Chinese text, fixable to full-width (opt-in)' },
    what: {
      zh:
        '报告夹在汉字之间的半角逗号、分号、冒号、问号、叹号（“责任单位:区应急管理局”），以及括住中文的半角括号（“(一)”“(责任单位:…)”）；' +
        '--fix 把它们改为全角。数字、网址和英文中的标点（12:30、http://、(5G)）以及 Markdown 行内代码中的不报告；句点不处理（小数、编号）。' +
        '默认关闭：在配置中开启（`halfwidth-punctuation: warn`）。',
      en:
        'Reports a half-width comma, semicolon, colon, question or exclamation mark standing between Chinese characters ' +
        '("责任单位:区应急管理局"), and half-width brackets around Chinese text ("(一)", "(责任单位:…)"); --fix makes them ' +
        'full-width. Punctuation in numbers, addresses and Latin text (12:30, http://, (5G)) and in Markdown code spans is ' +
        'left alone; full stops are not touched (decimals, numbering). Off by default: switch it on in the configuration ' +
        '(`halfwidth-punctuation: warn`).',
    },
    why: {
      zh: '公文用全角标点（GB/T 15834）；半角标点混在中文里，多半来自复制粘贴或输入法切换，排版时挤在一起，也让按“：”查找条款的工具漏掉它们。',
      en: 'Official Chinese documents use full-width punctuation (GB/T 15834); half-width marks among Chinese text usually come from copying or a switched input method, print cramped, and are missed by anything that looks for "：".',
    },
    failing: {
      text: text(['（一）健全应急指挥体系。完善区应急指挥部运行机制。(责任单位:区应急管理局)', '（二）加强监测预警。建设综合监测预警平台。（责任单位：区应急管理局、区气象局）']),
      reports: ['7:26', '7:31', '7:38'],
    },
    passing: {
      text: text(['（一）健全应急指挥体系。完善区应急指挥部运行机制，12:30前报送。（责任单位：区应急管理局）', '（二）加强监测预警。建设综合监测预警平台(5G)。（责任单位：区应急管理局、区气象局）']),
    },
  },
  create(ctx) {
    const src = ctx.source.text;
    /** the source offset of block.text[i] when the character stands there as read, else null */
    const at = (b: TextBlock, i: number): number | null => {
      const o = b.offsets[i];
      if (o === undefined || src[o] !== b.text[i]) return null;
      // Markdown code spans are code, not text
      if (ctx.analysis.source.format === 'md') {
        const lineStart = src.lastIndexOf('\n', o) + 1;
        if ((src.slice(lineStart, o).match(/`/g) ?? []).length % 2 === 1) return null;
      }
      return o;
    };
    const report = (b: TextBlock, i: number, o: number) => {
      const c = b.text[i];
      const fix: Fix = { range: [o, o + 1], text: full[c] };
      ctx.report({ messageId: 'mark', data: { mark: c, full: full[c] }, ...ctx.source.blockSpan(b, i, i + 1), plan: b.plan, fix });
    };
    return {
      block(b) {
        const t = b.text;
        const closing = new Set<number>();
        for (let i = 0; i < t.length; i++) {
          const c = t[i];
          if (c === ')') {
            const o = closing.has(i) ? at(b, i) : null;
            if (o !== null) report(b, i, o);
            continue;
          }
          if (c === '(') {
            const close = t.indexOf(')', i + 1);
            const open2 = t.indexOf('(', i + 1);
            if (close < 0 || (open2 >= 0 && open2 < close)) continue;
            const inside = t.slice(i + 1, close);
            // brackets around Chinese: "(一)", "(责任单位:…)", "(2021—2025年)"; not "(5G)", "(yùn)" or a link's "(http…)"
            if (!han.test(inside) || /:\/\//.test(inside) || (!isHan(t[i - 1]) && i > 0 && !/[\s。；，、：]/.test(t[i - 1]) && !isHan(t[close + 1]))) continue;
            const o1 = at(b, i);
            const o2 = at(b, close);
            if (o1 === null || o2 === null) continue;
            report(b, i, o1);
            closing.add(close);
            continue;
          }
          if (!(c in full)) continue;
          // between Chinese characters, or closing a Chinese sentence (?, !)
          const after = t[i + 1];
          if (!isHan(t[i - 1]) || !(isHan(after) || ((c === '?' || c === '!') && (after === undefined || /\s/.test(after))))) continue;
          const o = at(b, i);
          if (o !== null) report(b, i, o);
        }
      },
    };
  },
});
