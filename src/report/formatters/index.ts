import type { Formatter } from '../types.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { github } from './github.js';
import { compact } from './compact.js';

export const formatters = { stylish, json, sarif, github, compact } satisfies Record<string, Formatter>;
export type FormatName = keyof typeof formatters;
export const formatNames = Object.keys(formatters) as FormatName[];
