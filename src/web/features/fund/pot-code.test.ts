import { describe, expect, it } from 'vitest';
import { codeSchema } from '../../../contracts/common.ts';
import { potCode } from './pot-code.ts';

describe('pot codes from names', () => {
  it('folds Swedish letters and punctuation into a valid code', () => {
    expect(potCode(2026, 'Trygghetsvärdar & nattvandring')).toBe('2026-trygghetsvardar-nattvandring');
    expect(potCode(2026, 'Åtgärder i Öster')).toBe('2026-atgarder-i-oster');
    expect(potCode(2026, '!!!')).toBe('2026-pott');
    for (const name of ['Åäö', 'x'.repeat(80), 'a - b -', 'Belysning, röjning av buskage']) {
      expect(codeSchema.safeParse(potCode(2026, name)).success).toBe(true);
    }
  });
});
