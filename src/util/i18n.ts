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

/** The text in `locale` with `{name}` replaced from `data` (unknown names are kept as written). */
export function say(text: Text, locale: Locale, data: Record<string, string | number> = {}): string {
  return text[locale].replace(/\{(\w+)\}/g, (all, key: string) => (key in data ? String(data[key]) : all));
}

/** A list as each language writes it: "a、b 或 c" / "a, b or c". */
export function listOf(items: readonly string[], locale: Locale, last: Text = { zh: '或', en: 'or' }): string {
  if (items.length <= 1) return items.join('');
  const head = items.slice(0, -1).join(locale === 'zh' ? '、' : ', ');
  return `${head}${locale === 'zh' ? ` ${last.zh} ` : ` ${last.en} `}${items[items.length - 1]}`;
}
