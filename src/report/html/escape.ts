// Escaping for the HTML report. Everything that comes from an input file is untrusted: plan
// text, titles, unit names, file paths. Text and attribute values go through `esc`.

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an element's content or a quoted attribute value. */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => entities[c]);
}
