// A model field worked out when first read (src/util/lazy-property.ts): computed once, in its
// place among the fields for every reader and copy, replaceable, one accessor for all objects.
import { describe, expect, it } from 'vitest';
import { LazyProperty } from '../../src/util/lazy-property.js';

describe('LazyProperty', () => {
  const total = new LazyProperty<'total', number>('total');

  it('computes the value on the first read only, and each object its own', () => {
    let calls = 0;
    const a = total.define({ name: 'a' }, () => (calls++, 3));
    const b = total.define({ name: 'b' }, () => (calls++, 4));
    expect(calls).toBe(0);
    expect([a.total, a.total, b.total]).toEqual([3, 3, 4]);
    expect(calls).toBe(2);
  });

  it('stands in its place among the fields for JSON, a spread and a structured clone', () => {
    const o = Object.assign(total.define({ first: 1 }, () => 2), { last: 3 });
    for (const copy of [JSON.parse(JSON.stringify(o)), { ...o }, structuredClone(o)]) expect(Object.entries(copy)).toEqual([['first', 1], ['total', 2], ['last', 3]]);
  });

  it('can be replaced before or after it is read, without computing it', () => {
    let calls = 0;
    const o = total.define({}, () => (calls++, 1));
    o.total = 7;
    expect(o.total).toBe(7);
    expect(calls).toBe(0);
  });

  it('gives every object the same getter (a getter per object would give each a V8 map of its own)', () => {
    const get = (o: object) => Object.getOwnPropertyDescriptor(o, 'total')?.get;
    expect(get(total.define({}, () => 1))).toBe(get(total.define({}, () => 2)));
  });
});
