// An assertion for loops that compare many values (every line of the fixtures, every random
// case of a property): expect(got, message).toBe(want), called only when the two differ, so
// that a failure reads as before while the hundreds of thousands that agree skip vitest's
// per-call cost (~5 s of the suite's CPU, most of it in expect's state, in a profile).
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';

const text = (message?: string | (() => string)) => (typeof message === 'function' ? message() : message);

/** Fails as `expect(got, message).toBe(want)` does; `message` may be a function, built only on failure. */
export function same<T>(got: T, want: T, message?: string | (() => string)): void {
  if (!Object.is(got, want)) expect(got, text(message)).toBe(want);
}

/**
 * Fails as `expect(got, message).toEqual(want)` does. Node's strict deep equality is asked
 * first: where it holds (same prototypes, keys and values) toEqual holds too, so expect runs
 * only on a difference and gives its verdict and message as before.
 */
export function sameDeep<T>(got: T, want: T, message?: string | (() => string)): void {
  if (!isDeepStrictEqual(got, want)) expect(got, text(message)).toEqual(want);
}
