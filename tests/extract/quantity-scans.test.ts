// The hand-written tests of findQuantities tell each code unit as the patterns they replace did.
import { describe, expect, it } from 'vitest';
import { findQuantities, gluesToNumber } from '../../src/extract/quantity.js';

describe('gluesToNumber', () => {
  it('tells every code unit as /[\\dA-Za-z.+\\-/第~～—–]/ did', () => {
    const re = /[\dA-Za-z.+\-/第~～—–]/;
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (gluesToNumber(c) !== re.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });

  it('keeps numbers glued to codes, dates and ordinals out of the targets', () => {
    expect(findQuantities('建成第3个示范区，覆盖率达到95%以上').map((q) => q.value)).toEqual([95]);
    expect(findQuantities('G318改造完成，提升至90%').map((q) => q.value)).toEqual([90]);
  });
});
