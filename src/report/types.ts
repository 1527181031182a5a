// What every formatter receives. Formatters are plain functions of the results (ESLint's model).
import type { AnyRule, FileResult, Locale } from '../lint/types.js';

export interface InputProblem {
  file: string;
  message: string;
}

export interface FormatContext {
  /** the folder paths are shown relative to */
  cwd: string;
  color: boolean;
  locale: Locale;
  /** the whole catalog (SARIF lists every rule) */
  rules: readonly AnyRule[];
  /** inputs that could not be linted (also printed on stderr) */
  problems: InputProblem[];
  version: string;
}

export type Formatter = (results: FileResult[], ctx: FormatContext) => string;
