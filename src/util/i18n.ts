// The two languages plan-lint speaks: Chinese (the default: drafters read Chinese) and English.
// Every text a person reads is a `Text` with both, so no locale can be left half translated.
export const locales = ['zh', 'en'] as const;
export type Locale = (typeof locales)[number];

/** A text per locale; `{name}` is replaced by data when it is formatted. */
export interface Text {
  zh: string;
  en: string;
}

export const isLocale = (s: unknown): s is Locale => s === 'zh' || s === 'en';

/** Each text cut once at its `{name}` slots: [text, name, text, …, text] (a lint run says tens of thousands). */
const slotted = new WeakMap<Text, Partial<Record<Locale, string[]>>>();

function partsOf(text: Text, locale: Locale): string[] {
  let byLocale = slotted.get(text);
  if (!byLocale) slotted.set(text, (byLocale = {}));
  let parts = byLocale[locale];
  if (!parts) {
    parts = [];
    const t = text[locale];
    const slot = /\{(\w+)\}/g;
    let at = 0;
    for (let m = slot.exec(t); m; m = slot.exec(t)) {
      parts.push(t.slice(at, m.index), m[1]);
      at = m.index + m[0].length;
    }
    parts.push(t.slice(at));
    byLocale[locale] = parts;
  }
  return parts;
}

/** The text in `locale` with `{name}` replaced from `data` (unknown names are kept as written). */
export function say(text: Text, locale: Locale, data: Record<string, string | number> = {}): string {
  const parts = partsOf(text, locale);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i];
    out += (key in data ? String(data[key]) : `{${key}}`) + parts[i + 1];
  }
  return out;
}

/** A list as each language writes it: "a、b 或 c" / "a, b or c". */
export function listOf(items: readonly string[], locale: Locale, last: Text = { zh: '或', en: 'or' }): string {
  if (items.length <= 1) return items.join('');
  const head = items.slice(0, -1).join(locale === 'zh' ? '、' : ', ');
  return `${head}${locale === 'zh' ? ` ${last.zh} ` : ` ${last.en} `}${items[items.length - 1]}`;
}
