/** Escapes text for HTML and XML content and attribute values; everything rendered passes through it. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** Tagged template that escapes every interpolated value unless it is already `Safe` markup. */
export class Safe {
  constructor(readonly html: string) {}
  toString() {
    return this.html;
  }
}

type Value = string | number | Safe | null | undefined | readonly (Safe | string)[];

export function html(strings: TemplateStringsArray, ...values: Value[]): Safe {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new Safe(out);
}

function render(value: Value): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Safe) return value.html;
  if (Array.isArray(value)) return value.map((v) => render(v)).join('');
  return escapeHtml(value as string | number);
}
