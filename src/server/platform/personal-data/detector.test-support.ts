import { expect } from 'vitest';
import { findPersonalData, type DetectOptions } from './detector.ts';

/** The single finding in `text`, failing the test if there is not exactly one. */
export function only(text: string, options: DetectOptions = {}) {
  const findings = findPersonalData(text, options);
  expect(findings, `findings in ${JSON.stringify(text)}`).toHaveLength(1);
  const [finding] = findings;
  if (!finding) throw new Error('unreachable');
  return finding;
}

/** Luhn check digit for the first nine digits, computed independently of the module under test. */
export function checkDigit(nineDigits: string): number {
  const sum = nineDigits
    .split('')
    .map((c, i) => Number(c) * (i % 2 === 0 ? 2 : 1))
    .map((n) => Math.floor(n / 10) + (n % 10))
    .reduce((a, b) => a + b, 0);
  return (10 - (sum % 10)) % 10;
}
