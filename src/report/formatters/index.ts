import type { FormatContext, Formatter } from '../types.js';
import type { FileResult } from '../../lint/types.js';
import { stylish, stylishFile, stylishSummary, type Totals } from './stylish.js';
import { eslintEntry, json } from './json.js';
import { sarif } from './sarif.js';
import { github } from './github.js';
import { compact } from './compact.js';

export const formatters = { stylish, json, sarif, github, compact } satisfies Record<string, Formatter>;
export type FormatName = keyof typeof formatters;
export const formatNames = Object.keys(formatters) as FormatName[];

/**
 * A formatter as a stream: head, one chunk per file in input order, tail. Every format but SARIF
 * (one JSON document that lists its results inside) is written as the files finish, so a
 * corpus of any size is reported in bounded memory.
 */
export interface StreamFormatter {
  head(): string;
  file(r: FileResult, first: boolean): string;
  tail(totals: Totals): string;
}

export { totalsOf, type Totals } from './stylish.js';

export function streamFormatter(name: FormatName, ctx: FormatContext): StreamFormatter | null {
  switch (name) {
    case 'stylish':
      return { head: () => '', file: (r) => stylishFile(r, ctx), tail: (t) => stylishSummary(t, ctx) };
    case 'compact':
    case 'github':
      return { head: () => '', file: (r) => formatters[name]([r], ctx), tail: () => '' };
    case 'json':
      return { head: () => '[', file: (r, first) => (first ? '' : ',') + JSON.stringify(eslintEntry(r)), tail: () => ']\n' };
    default:
      return null;
  }
}
