import fc from 'fast-check';
import Personnummer from 'personnummer';
import { describe, expect, it } from 'vitest';
import { findPersonalData, luhnValid, type PersonalDataKind } from './detector.ts';
import { checkDigit, only } from './detector.test-support.ts';

describe('luhnValid', () => {
  it.each([
    ['1212121212', true], // Skatteverket's 19121212-1212
    ['8112189876', true],
    ['7010632391', true], // samordningsnummer
    ['8112189875', false],
    ['121212121', false], // wrong length
    ['12121212a2', false],
  ])('%s -> %s', (digits, expected) => {
    expect(luhnValid(digits)).toBe(expected);
  });
});

describe('personnummer and samordningsnummer', () => {
  it.each<[string, PersonalDataKind, string]>([
    ['19121212-1212', 'personal-identity-number', '19121212-****'],
    ['191212121212', 'personal-identity-number', '19121212****'],
    ['811218-9876', 'personal-identity-number', '811218-****'],
    ['8112189876', 'personal-identity-number', '811218****'],
    ['121212+1212', 'personal-identity-number', '121212+****'], // + marks a person aged 100 or more
    ['811218 9876', 'personal-identity-number', '811218 ****'], // space separator, as often typed
    ['19811218-9876', 'personal-identity-number', '19811218-****'],
    ['701063-2391', 'coordination-number', '701063-****'], // day 63 = the 3rd + 60
    ['7010632391', 'coordination-number', '701063****'],
    ['19701063-2391', 'coordination-number', '19701063-****'],
    // Forms the first version missed (issue 11)
    ['811218–9876', 'personal-identity-number', '811218–****'], // en dash
    ['811218 - 9876', 'personal-identity-number', '811218 - ****'],
    ['81 12 18-9876', 'personal-identity-number', '81 12 18-****'], // digit groups with spaces
    ['1981-12-18-9876', 'personal-identity-number', '1981-12-18-****'],
    ['1981.12.18-9876', 'personal-identity-number', '1981.12.18-****'],
    ['811218/9876', 'personal-identity-number', '811218/****'],
    ['811218.9876', 'personal-identity-number', '811218.****'],
    ['８１１２１８－９８７６', 'personal-identity-number', '８１１２１８－****'], // fullwidth
    ['811218-98\u200b76', 'personal-identity-number', '811218-**\u200b**'], // zero-width space inside
    ['٨١١٢١٨-٩٨٧٦', 'personal-identity-number', '٨١١٢١٨-****'], // Arabic-Indic digits
  ])('%s is a %s, masked %s', (value, kind, masked) => {
    const finding = only(`Uppgiven person ${value} syntes vid platsen.`);
    expect(finding).toEqual({ kind, match: value, index: 'Uppgiven person '.length, masked });
  });

  it('finds an identity number at the very start and end of the text', () => {
    expect(findPersonalData('811218-9876')).toHaveLength(1);
    expect(findPersonalData('pnr:19121212-1212')).toMatchObject([{ index: 4 }]);
  });

  it('accepts 29 February only in leap years', () => {
    const leap = '000229-' + '000'; // 2000-02-29
    expect(findPersonalData(leap + checkDigit('000229000'))).toHaveLength(1);
    const nonLeap = '19010229' + '-' + '000';
    expect(findPersonalData(nonLeap + checkDigit('010229000'))).toHaveLength(0);
    const leapCentury = '20000229-000';
    expect(findPersonalData(leapCentury + checkDigit('000229000'))).toHaveLength(1);
  });

  it.each([
    ['8112189870', 'bare 10 digits, bad check digit'],
    ['811218 9870', 'space separator, bad check digit'],
    ['81 12 18-9870', 'grouped date, bad check digit'],
    ['811332-0000', 'month 13'],
    ['810230-0000', '30 February'],
    ['811200-0000', 'day 0'],
    ['811292-0000', 'day 92 (beyond samordningsnummer range)'],
    ['24121212-1212', 'century 24 is not a birth year'],
    ['1811218-9876', 'seven leading digits'],
    ['811218-98761', 'five trailing digits'],
    ['2026-11-23', 'an ISO date'],
    ['2026-11-23 2215', 'a date and a time without colon'],
    ['202611232215', 'a camera timestamp: 20 + date + clock time, bad check digit'],
    ['5000-K123456-26', 'police diary number'],
    ['2026-1234', 'municipal case reference'],
    ['556123-4567', 'organisation number (month 61)'],
  ])('%s is not an identity number (%s)', (value) => {
    expect(findPersonalData(`Nummer ${value} noterat`)).toEqual([]);
  });

  describe('a wrong check digit in the canonical written form is refused: a typo still identifies a person', () => {
    it.each<[string, PersonalDataKind]>([
      ['19850312-1234', 'personal-identity-number'], // the example
      ['811218-9875', 'personal-identity-number'],
      ['19811218-9875', 'personal-identity-number'],
      ['198112189875', 'personal-identity-number'], // 12 digits with the century
      ['811218+9875', 'personal-identity-number'],
      ['811218 - 9875', 'personal-identity-number'],
      ['701063-2392', 'coordination-number'],
      ['201506152399', 'personal-identity-number'], // 20 + date, but 2399 is no clock time
    ])('%s', (value, kind) => {
      const [finding] = findPersonalData(`Ordernummer ${value}`);
      expect(finding).toMatchObject({ kind, match: value, index: 'Ordernummer '.length });
      expect(finding?.masked).toBe(value.slice(0, -4) + '****');
    });
  });

  it('reports a bare 10-digit number that is a valid personnummer and a phone number once, as an identity number', () => {
    // 0701234569 = 2007-01-23 with a valid check digit, and also a well-formed mobile number.
    expect(findPersonalData('0701234569')).toEqual([
      { kind: 'personal-identity-number', match: '0701234569', index: 0, masked: '070123****' },
    ]);
    // With a mobile-style separator it is only a phone number; with a bad check digit too.
    expect(findPersonalData('070-123 45 69')).toMatchObject([{ kind: 'phone-number' }]);
    expect(findPersonalData('0701234567')).toMatchObject([{ kind: 'phone-number' }]);
  });

  it('never echoes the last four digits of an identity number in `masked`', () => {
    for (const value of ['19121212-1212', '811218-9876', '7010632391', '811218-9875']) {
      const [finding] = findPersonalData(value);
      expect(finding?.masked).toBe(value.slice(0, -4) + '****');
    }
  });
});

describe('properties', () => {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const forms = ['YYMMDD-NNNN', 'YYMMDDNNNN', 'YYYYMMDD-NNNN', 'YYYYMMDDNNNN', 'YYMMDD+NNNN'] as const;
  type Form = (typeof forms)[number];

  const write = (form: Form, year: number, short: string, last4: string) =>
    ({
      'YYMMDD-NNNN': `${short}-${last4}`,
      YYMMDDNNNN: `${short}${last4}`,
      'YYYYMMDD-NNNN': `${String(year).slice(0, 2)}${short}-${last4}`,
      YYYYMMDDNNNN: `${String(year).slice(0, 2)}${short}${last4}`,
      'YYMMDD+NNNN': `${short}+${last4}`,
    })[form];

  /** A valid identity number in one of the accepted written forms, built from a real calendar date. */
  const identityNumber = fc
    .record({
      date: fc.date({
        min: new Date(Date.UTC(1890, 0, 1)),
        max: new Date(Date.UTC(2025, 11, 31)),
        noInvalidDate: true,
      }),
      // Serial 000 is never issued (and the personnummer package refuses it).
      serial: fc.integer({ min: 1, max: 999 }),
      coordination: fc.boolean(),
      form: fc.constantFrom(...forms),
    })
    .map(({ date, serial, coordination, form }) => {
      const year = date.getUTCFullYear();
      const day = date.getUTCDate() + (coordination ? 60 : 0);
      const short = pad(year % 100) + pad(date.getUTCMonth() + 1) + pad(day);
      const last4 = pad(serial, 3) + String(checkDigit(short + pad(serial, 3)));
      const kind: PersonalDataKind = coordination ? 'coordination-number' : 'personal-identity-number';
      return { value: write(form, year, short, last4), kind, form, year };
    });

  it('finds every valid personnummer and samordningsnummer, in running text, masked', () => {
    fc.assert(
      fc.property(identityNumber, fc.constantFrom('', 'Pnr ', 'Person med nr: '), ({ value, kind }, before) => {
        const findings = findPersonalData(`${before}${value} sågs vid stationen.`);
        expect(findings).toEqual([expect.objectContaining({ kind, match: value, index: before.length })]);
        expect(findings[0]?.masked).toBe(value.slice(0, -4) + '****');
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with the personnummer package on every valid number (an independent implementation)', () => {
    fc.assert(
      fc.property(identityNumber, ({ value }) => {
        expect(Personnummer.valid(value)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('with a changed check digit: refused in the canonical forms, never an identity number in the bare form', () => {
    fc.assert(
      fc.property(identityNumber, fc.integer({ min: 1, max: 9 }), ({ value, form, year }, delta) => {
        const wrong = value.slice(0, -1) + String((Number(value.slice(-1)) + delta) % 10);
        expect(Personnummer.valid(wrong)).toBe(false);
        const identity = findPersonalData(wrong).filter((f) => f.kind !== 'phone-number');
        const timestamp = form === 'YYYYMMDDNNNN' && year >= 2000 && /^(?:[01]\d|2[0-3])[0-5]\d$/.test(wrong.slice(-4));
        if (form === 'YYMMDDNNNN' || timestamp) expect(identity).toEqual([]);
        else expect(identity).toEqual([expect.objectContaining({ match: wrong })]);
      }),
      { numRuns: 300 },
    );
  });
});
