// Numbers glued to another word (a code, a date, an ordinal) are no targets of findQuantities.
import { describe, expect, it } from 'vitest';
import { findQuantities } from '../../src/extract/quantity.js';

describe('findQuantities: numbers glued to a word', () => {
  it('keeps numbers glued to codes, dates and ordinals out of the targets', () => {
    expect(findQuantities('建成第3个示范区，覆盖率达到95%以上').map((q) => q.value)).toEqual([95]);
    expect(findQuantities('G318改造完成，提升至90%').map((q) => q.value)).toEqual([90]);
  });
});
