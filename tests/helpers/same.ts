// An assertion for loops that compare many values (every line of the fixtures, every random
// case of a property): expect(got, message).toBe(want), called only when the two differ, so
// that a failure reads as before while the hundreds of thousands that agree skip vitest's
// per-call cost (~5 s of the suite's CPU, most of it in expect's state, in a profile).
import { expect } from 'vitest';

/** Fails as `expect(got, message).toBe(want)` does; `message` may be a function, built only on failure. */
export function same<T>(got: T, want: T, message?: string | (() => string)): void {
  if (!Object.is(got, want)) expect(got, typeof message === 'function' ? message() : message).toBe(want);
}
