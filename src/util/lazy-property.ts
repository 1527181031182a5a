// A field of a plain model object worked out the first time it is read: `check` reads no task's
// targets and no file's sha256, so it does not pay for them, while whatever prints or copies the
// object (JSON, YAML, spread, a structured clone to or from a worker) reads the field and gets
// the same value, in the same place among the fields (an own enumerable property).

interface Slot<T> {
  compute: (() => T) | null;
  value: T | undefined;
}

/**
 * One lazily computed property, by name. Its getter and setter are the same functions on every
 * object (an accessor made per object would give each object a V8 map of its own and make the
 * code reading them megamorphic); what each object's value is computed from is kept beside it in
 * a WeakMap, so no output or copy sees it.
 */
export class LazyProperty<K extends string, T> {
  private readonly slots = new WeakMap<object, Slot<T>>();
  private readonly descriptor: PropertyDescriptor;

  constructor(readonly key: K) {
    const slots = this.slots;
    this.descriptor = {
      get(this: object): T {
        const s = slots.get(this)!;
        if (s.compute !== null) {
          s.value = s.compute();
          s.compute = null;
        }
        return s.value as T;
      },
      set(this: object, value: T) {
        const s = slots.get(this)!;
        s.compute = null;
        s.value = value;
      },
      enumerable: true,
      configurable: true,
    };
  }

  /** Gives `o` the property, `compute()` when first read; it stands after the fields `o` already has. */
  define<O extends object>(o: O, compute: () => T): O & Record<K, T> {
    this.slots.set(o, { compute, value: undefined });
    return Object.defineProperty(o, this.key, this.descriptor) as O & Record<K, T>;
  }
}
