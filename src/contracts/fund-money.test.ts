import { describe, expect, it } from 'vitest';
import { formatOre, formatOreShort, oreToDecimalString, parseKronor, splitEvenly, sumOre } from './fund-money.ts';

const nbsp = (s: string) => s.replace(/ /g, '\u00a0');

describe('money in öre', () => {
  it('formats in sv-SE with exact öre', () => {
    expect(formatOre(123456789)).toBe(nbsp('1 234 567,89 kr'));
    expect(formatOre(1)).toBe(nbsp('0,01 kr'));
    expect(formatOre(0)).toBe(nbsp('0,00 kr'));
    expect(formatOre(-250)).toBe(nbsp('−2,50 kr'));
    // 10 million kronor, and an amount where ore/100 in floating point is not exact.
    expect(formatOre(1_000_000_000)).toBe(nbsp('10 000 000,00 kr'));
    expect(formatOre(900_719_925_474_099)).toBe(nbsp('9 007 199 254 740,99 kr'));
    expect(formatOreShort(3_800_000_000)).toBe(nbsp('38 000 000 kr'));
    expect(formatOreShort(150)).toBe(nbsp('1,50 kr'));
  });

  it('keeps the decimal string exact', () => {
    expect(oreToDecimalString(5)).toBe('0.05');
    expect(oreToDecimalString(100)).toBe('1.00');
    expect(oreToDecimalString(-101)).toBe('-1.01');
  });

  it('sums integers and refuses fractions and unsafe totals', () => {
    expect(sumOre([1, 2, 3])).toBe(6);
    expect(sumOre([])).toBe(0);
    expect(() => sumOre([1.5])).toThrow(RangeError);
    expect(() => sumOre([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });

  it('splits with the remainder spread one öre at a time, summing exactly', () => {
    expect(splitEvenly(100, 3)).toEqual([34, 33, 33]);
    expect(splitEvenly(2, 3)).toEqual([1, 1, 0]);
    expect(splitEvenly(1_000_000_001, 1)).toEqual([1_000_000_001]);
    for (const [total, parts] of [
      [999_999_999, 7],
      [5, 11],
      [0, 4],
    ] as const) {
      const split = splitEvenly(total, parts);
      expect(sumOre(split)).toBe(total);
      expect(Math.max(...split) - Math.min(...split)).toBeLessThanOrEqual(1);
    }
    expect(() => splitEvenly(10, 0)).toThrow(RangeError);
  });

  it('parses kronor typed in Swedish or English notation', () => {
    expect(parseKronor('1 234,50')).toBe(123450);
    expect(parseKronor('1234.5')).toBe(123450);
    expect(parseKronor('12 000 kr')).toBe(1_200_000);
    expect(parseKronor('0,07')).toBe(7);
    expect(parseKronor('1,234')).toBeNull();
    expect(parseKronor('abc')).toBeNull();
    expect(parseKronor('-5')).toBeNull();
  });
});
