// Inline SVG horizontal bar chart: one bar per unit, its task count at the end of the bar.
// Each bar links to its group of tasks. No scripts, no external resources.
import { esc } from './escape.js';

export interface Bar {
  label: string;
  value: number;
  href: string;
  /** a muted bar (the group of tasks without an owner) */
  muted?: boolean;
}

const ROW = 26;
const LABEL_WIDTH = 210;
const BAR_WIDTH = 330;
const WIDTH = LABEL_WIDTH + BAR_WIDTH + 50;
const MAX_LABEL = 13;

function shorten(label: string): string {
  const chars = [...label];
  return chars.length > MAX_LABEL ? chars.slice(0, MAX_LABEL - 1).join('') + '…' : label;
}

/** An accessible SVG bar chart; `title` names it for screen readers. */
export function barChart(bars: Bar[], title: string, idPrefix: string): string {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * ROW + 8;
  const rows = bars
    .map((b, i) => {
      const y = 4 + i * ROW;
      const w = Math.max(2, Math.round((b.value / max) * BAR_WIDTH));
      return (
        `<a href="${esc(b.href)}" class="bar${b.muted ? ' bar-muted' : ''}">` +
        `<title>${esc(b.label)}：${b.value} 项</title>` +
        `<text x="${LABEL_WIDTH - 8}" y="${y + 17}" text-anchor="end" class="bar-label">${esc(shorten(b.label))}</text>` +
        `<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${w}" height="${ROW - 8}" rx="3"></rect>` +
        `<text x="${LABEL_WIDTH + w + 6}" y="${y + 17}" class="bar-value">${b.value}</text>` +
        `</a>`
      );
    })
    .join('');
  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${esc(idPrefix)}-title">` +
    `<title id="${esc(idPrefix)}-title">${esc(title)}</title>${rows}</svg>`
  );
}
