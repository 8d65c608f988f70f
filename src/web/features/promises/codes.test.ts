import { describe, expect, it } from 'vitest';
import { codeFrom } from './codes.ts';

describe('codes suggested from titles', () => {
  it('folds Swedish letters and punctuation into what the API accepts', () => {
    expect(codeFrom('Vi ska genomföra 40 trygghetsvandringar i Flemingsberg!', '2027')).toBe(
      '2027-vi-ska-genomfora-40-trygghetsvandringar-i-flemingsberg',
    );
    expect(codeFrom('Samverkansöverenskommelse Huddinge 2027–2028')).toBe(
      'samverkansoverenskommelse-huddinge-2027-2028',
    );
    expect(codeFrom('Åtgärder för Vårby gård')).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  });

  it('stays within 64 characters without a trailing hyphen', () => {
    const code = codeFrom('Trygghetsvandringar med boende och fastighetsägare i alla kommundelar varje månad', '2027');
    expect(code.length).toBeLessThanOrEqual(64);
    expect(code.endsWith('-')).toBe(false);
  });
});
