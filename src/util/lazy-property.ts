// A field of a plain model object worked out the first time it is read: `check` reads no task's
// targets and no file's sha256, so it does not pay for them, while whatever prints or copies the
// object (JSON, YAML, spread, a structured clone to or from a worker) reads the field and gets
// the same value, in the same place among the fields (an own enumerable property).

interface Slot<T> {
  compute: (() => T) | null;
  value: T | undefined;
}

/** A base class whose constructor returns the object it is given: a subclass adds its private fields to that object. */
class Stamp {
  constructor(o: object) {
    return o;
  }
}

/**
 * What an object's lazy fields are computed from, in a private field stamped on the object (the
 * class is only ever handed objects to stamp). Not a WeakMap: with an entry per task every
 * scavenge walks the map's ephemerons, and a check run took ~15 % longer (interleaved runs over
 * 10 MB); not a symbol property: a defineProperty per object costs three times as much; and no
 * output or copy sees a private field.
 */
class Slotted extends Stamp {
  #slots: Record<string, Slot<unknown>>;
  private constructor(o: object) {
    super(o);
    this.#slots = {};
  }
  /** The slots of `o`, stamped on it the first time. */
  static of(o: object): Record<string, Slot<unknown>> {
    return #slots in o ? (o as Slotted).#slots : new Slotted(o).#slots;
  }
}

/**
 * One lazily computed property, by name. Its getter and setter are the same functions on every
 * object (an accessor made per object would give each object a V8 map of its own and make the
 * code reading them megamorphic).
 */
export class LazyProperty<K extends string, T> {
  private readonly descriptor: PropertyDescriptor;

  constructor(readonly key: K) {
    this.descriptor = {
      get(this: object): T {
        const s = Slotted.of(this)[key] as Slot<T>;
        if (s.compute !== null) {
          s.value = s.compute();
          s.compute = null;
        }
        return s.value as T;
      },
      set(this: object, value: T) {
        const s = Slotted.of(this)[key] as Slot<T>;
        s.compute = null;
        s.value = value;
      },
      enumerable: true,
      configurable: true,
    };
  }

  /** Gives `o` the property, `compute()` when first read; it stands after the fields `o` already has. */
  define<O extends object>(o: O, compute: () => T): O & Record<K, T> {
    Slotted.of(o)[this.key] = { compute, value: undefined };
    return Object.defineProperty(o, this.key, this.descriptor) as O & Record<K, T>;
  }
}
