// Small text helpers every stage may use.

/** The first line of a message: errors are reported on one line. */
export const oneLine = (s: string): string => s.split('\n')[0].trim();

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
