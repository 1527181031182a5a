// Small helpers every command's option parsing shares.

/** commander accumulator for a repeatable option (--rule A --rule B) */
export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** first line of a message: errors are reported on one line */
export const oneLine = (s: string): string => s.split('\n')[0].trim();
