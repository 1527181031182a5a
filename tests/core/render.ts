// Test helpers that print a plan the way other tools do: an HTML page as government sites
// publish it, and a Word document as drafters write it. Both are built from the Markdown
// renditions in fixtures/md (headings, paragraphs, GFM tables).
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

type MdBlock = { kind: 'heading'; depth: number; text: string } | { kind: 'para'; text: string } | { kind: 'table'; rows: string[][] };

export function mdBlocks(md: string): MdBlock[] {
  const out: MdBlock[] = [];
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim()) continue;
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      out.push({ kind: 'heading', depth: h[1].length, text: h[2] });
      continue;
    }
    if (line.startsWith('|')) {
      const rows: string[][] = [];
      while (i < lines.length && lines[i].startsWith('|')) {
        if (!/^\|[\s:|-]+\|$/.test(lines[i])) rows.push(lines[i].slice(1, -1).split('|').map((c) => c.trim()));
        i++;
      }
      out.push({ kind: 'table', rows });
      continue;
    }
    out.push({ kind: 'para', text: line });
  }
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A government web page: navigation, breadcrumb and share bar above, the plan in <p>
 * paragraphs and real <table>s (a single-cell group row spans the table: colspan), a footer.
 */
export function htmlPage(md: string, charset = 'utf-8'): string {
  const body = mdBlocks(md)
    .map((b) => {
      if (b.kind === 'heading') return b.depth === 1 ? `<h1 class="title">${esc(b.text)}</h1>` : `<p style="font-weight:bold">${esc(b.text)}</p>`;
      if (b.kind === 'para') return `<p style="text-indent:2em">${esc(b.text).replace(/([，。])/g, '$1')}</p>`;
      const [head, ...rows] = b.rows;
      const tr = (cells: string[], tag: string) => {
        const filled = cells.filter((c) => c);
        if (filled.length === 1 && cells.length > 2) return `<tr><${tag} colspan="${cells.length}">${esc(filled[0])}</${tag}></tr>`;
        return `<tr>${cells.map((c) => `<${tag}>${esc(c)}</${tag}>`).join('')}</tr>`;
      };
      return `<table border="1" cellspacing="0"><tbody>${tr(head, 'td')}${rows.map((r) => tr(r, 'td')).join('')}</tbody></table>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>政策文件</title>
<style>p{line-height:2}</style><script>var _hmt=_hmt||[];</script></head>
<body>
<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/hdjl">互动交流</a></li></ul></div>
<div class="location">您的当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 规划信息</div>
<div class="share-bar">分享到：<a>微信</a><a>微博</a></div>
<div class="content" id="zoom">
${body}
</div>
<div class="footer"><p>版权所有：某区人民政府办公室 网站标识码：0000000000</p><p>扫一扫在手机打开当前页</p></div>
</body></html>
`;
}

/** A Word document: headings with Word heading styles, paragraphs, real tables. */
export async function wordDocument(md: string): Promise<Buffer> {
  const levels = [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5];
  const children = mdBlocks(md).map((b) => {
    if (b.kind === 'heading') return new Paragraph({ text: b.text, heading: levels[b.depth - 1], alignment: b.depth === 1 ? AlignmentType.CENTER : undefined });
    if (b.kind === 'para') return new Paragraph({ children: [new TextRun(b.text)] });
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: b.rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })),
    });
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
