/**
 * Money is integer öre everywhere (API, database, arithmetic). These helpers keep it so:
 * sums refuse non-integers and unsafe magnitudes, splits hand out the remainder öre by öre,
 * and formatting goes through a decimal string so no float ever rounds an amount.
 */

export function assertOre(value: number, what = 'amount'): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number of öre, got ${value}`);
  return value;
}

export function sumOre(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total = assertOre(total + assertOre(v));
  return total;
}

/**
 * Splits `total` öre over `parts` buckets so that the parts differ by at most one öre and add
 * up to `total` exactly (the first buckets get the remainder). Used to spread a grant over the
 * areas an application names, for the map.
 */
export function splitEvenly(total: number, parts: number): number[] {
  assertOre(total, 'total');
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError('parts must be a positive integer');
  const base = Math.floor(total / parts);
  const remainder = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < remainder ? 1 : 0));
}

const sekFormat = new Intl.NumberFormat('sv-SE', {
  style: 'currency',
  currency: 'SEK',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const sekWholeFormat = new Intl.NumberFormat('sv-SE', {
  style: 'currency',
  currency: 'SEK',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});

/** The öre amount as an exact decimal string of kronor, e.g. 123456789 -> "1234567.89". */
export function oreToDecimalString(ore: number): string {
  assertOre(ore);
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** sv-SE kronor: 123456789 öre -> "1 234 567,89 kr" (with the non-breaking spaces Intl uses). */
export function formatOre(ore: number): string {
  return sekFormat.format(oreToDecimalString(ore) as Intl.StringNumericLiteral);
}

/** Whole kronor when the öre part is zero, for tables of budgets: "10 000 000 kr". */
export function formatOreShort(ore: number): string {
  return ore % 100 === 0 ? sekWholeFormat.format(oreToDecimalString(ore) as Intl.StringNumericLiteral) : formatOre(ore);
}

/** Parses kronor typed by a person ("1 234,50", "1234.5", "12 000") to öre; null when it is not an amount. */
export function parseKronor(text: string): number | null {
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/kr$/i, '')
    .replace(',', '.');
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const ore = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(ore) ? ore : null;
}
