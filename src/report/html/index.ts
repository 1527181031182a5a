// The self-contained HTML report of `plan-lint report` (SPEC "Commands").
export { renderReport, type ReportOptions } from './page.js';
export type { ReportInput } from './prepare.js';
