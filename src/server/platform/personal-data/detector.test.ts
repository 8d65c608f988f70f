import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type PersonalDataKind,
  describeFindingEn,
  describeFindingSv,
  findPersonalData,
  findSuspectedIdentityNumbers,
  luhnValid,
} from './detector.ts';

/** The single finding in `text`, failing the test if there is not exactly one. */
function only(text: string) {
  const findings = findPersonalData(text);
  expect(findings, `findings in ${JSON.stringify(text)}`).toHaveLength(1);
  const [finding] = findings;
  if (!finding) throw new Error('unreachable');
  return finding;
}

/** Luhn check digit for the first nine digits, computed independently of the module under test. */
function checkDigit(nineDigits: string): number {
  const sum = [...nineDigits]
    .map((c, i) => Number(c) * (i % 2 === 0 ? 2 : 1))
    .map((n) => Math.floor(n / 10) + (n % 10))
    .reduce((a, b) => a + b, 0);
  return (10 - (sum % 10)) % 10;
}

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
    ['811218-9875', 'check digit off by one'],
    ['19121212-1213', 'check digit off by one (12 digits)'],
    ['8112189870', 'bare 10 digits, bad check digit'],
    ['701063-2392', 'samordningsnummer, bad check digit'],
    ['811332-0000', 'month 13'],
    ['810230-0000', '30 February'],
    ['811200-0000', 'day 0'],
    ['811292-0000', 'day 92 (beyond samordningsnummer range)'],
    ['24121212-1212', 'century 24 is not a birth year'],
    ['1811218-9876', 'seven leading digits'],
    ['811218-98761', 'five trailing digits'],
    ['2026-11-23', 'an ISO date'],
  ])('%s is not an identity number (%s)', (value) => {
    expect(findPersonalData(`Nummer ${value} noterat`)).toEqual([]);
  });

  describe('bad check digit with a valid date (decision: not a finding, only a soft suspicion)', () => {
    it.each(['811218-9875', '19811218-9875', '198112189875', '811218+9875', '701063-2392'])(
      '%s is suspected in the canonical written form',
      (value) => {
        expect(findPersonalData(value)).toEqual([]);
        const [suspected] = findSuspectedIdentityNumbers(`Ordernummer ${value}`);
        expect(suspected).toMatchObject({ match: value, index: 'Ordernummer '.length });
        expect(suspected?.masked).toBe(value.slice(0, -4) + '****');
      },
    );

    it.each([
      ['8112189875', 'bare 10 digits look like order or phone numbers'],
      ['811218 9875', 'space separator is too weak a signal'],
      ['811332-9875', 'impossible date'],
      ['811218-9876', 'valid numbers are findings, not suspicions'],
      ['0701234567', 'a phone number that happens to start with a date'],
    ])('%s is not suspected (%s)', (value) => {
      expect(findSuspectedIdentityNumbers(value)).toEqual([]);
    });
  });
});

describe('e-mail addresses', () => {
  it.each<[string, string, string]>([
    ['Kontakta anna.svensson@example.se idag', 'anna.svensson@example.se', 'a***@***.se'],
    ['mejl: kalle_92+rapport@mail.kommun.se.', 'kalle_92+rapport@mail.kommun.se', 'k***@***.se'],
    ['<Örjan@exempel.nu>', 'Örjan@exempel.nu', 'Ö***@***.nu'],
    ['ANNA@EXAMPLE.COM', 'ANNA@EXAMPLE.COM', 'A***@***.COM'],
    // Digits inside the address stay part of the e-mail finding (no phone or id finding inside it).
    ['811218-9876@example.se', '811218-9876@example.se', '8***@***.se'],
  ])('%j contains %s', (text, match, masked) => {
    expect(only(text)).toEqual({ kind: 'email-address', match, index: text.indexOf(match), masked });
  });

  it.each(['@polisen på twitter', 'a@b', 'foo@bar.', 'Skogås@ C'])('%j has no e-mail address', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});

describe('vehicle registration numbers', () => {
  it.each<[string, string]>([
    ['ABC 123', 'A** ***'],
    ['ABC123', 'A*****'],
    ['ABC-123', 'A**-***'],
    ['abc123', 'a*****'],
    ['abc 123', 'a** ***'],
    ['ABC12D', 'A*****'],
    ['ABC 12D', 'A** ***'],
    ['XYZ 98A', 'X** ***'],
    ['xyz98a', 'x*****'],
    ['MLB 01Z', 'M** ***'],
  ])('%s is a plate, masked %s', (value, masked) => {
    const text = `Bil med reg.nr ${value} stod parkerad.`;
    expect(only(text)).toEqual({ kind: 'vehicle-registration', match: value, index: text.indexOf(value), masked });
  });

  it.each([
    ['AIC 123', 'I is never used'],
    ['QBC 123', 'Q is never used'],
    ['ABV 123', 'V is never used'],
    ['ABC 12O', 'O is never the last character'],
    ['ABC 12I', 'I is never the last character'],
    ['ÅBC 123', 'no Swedish letters'],
    ['ABCD 123', 'four letters'],
    ['AB 123', 'two letters'],
    ['ABC 1234', 'four digits'],
    ['ABC 12', 'two digits'],
    ['Abc 123', 'title case reads as a word'],
    ['Och 123 personer', 'sentence start'],
    ['och 123 till', 'Swedish word'],
    ['OCH 123', 'Swedish word in capitals'],
    ['tel 123 45 67', 'abbreviation before a number'],
    ['SEK 500', 'currency'],
    ['SOS 112', 'authority'],
    ['lgh 123', 'apartment'],
    ['kap 12a', 'chapter reference'],
    ['buss 173', 'four-letter word'],
    ['Lövåsen 123', 'end of a longer word with Swedish letters'],
    ['kl 22', 'time'],
    ['nr 123', 'number'],
    ['E4 norrut', 'road'],
    ['väg 226', 'road with ä'],
    ['SL 123', 'two-letter operator'],
  ])('%s is not a plate (%s)', (value) => {
    expect(findPersonalData(value)).toEqual([]);
  });
});

describe('realistic report texts without personal data', () => {
  it.each([
    'Klotter på busskuren vid Skogås C, ca 2 m², upptäckt 2026-11-20 kl 07:15',
    'Krossad ruta i trapphus 3, Storgatan 12',
    'Grupp om 10-15 ungdomar vid Flemingsberg station mellan 22:00 och 23:30',
    'Belysning trasig längs gångvägen, ärende 2026-1234',
    'Anmält till polisen, diarienummer 5000-K123456-26',
    'Anmält till polisen, K123456-26',
    'Nedskräpning vid återvinningsstationen, ca 30 säckar, 2023–2024 återkommande',
    'Skadegörelse på lekplatsen, kostnad ca 2 500 kr, uppskattad till 12 000 kr totalt',
    'Brand i papperskorg vid busshållplats, buss 740 och 173 stannar här, 23/11/2026 22:15',
    'Otrygg passage under väg 226 vid E4, postnummer 141 52, belysning 50 % trasig',
    'Rapport nr 123: kl 22 samlas 5-6 personer vid Centrumgången 4B, lgh 1102 har klagat',
    'Mopedåkning på gångvägen mellan kl 18.00–21.30, tre tillfällen v. 47',
    'Inbrott i förråd, polisens händelsenummer 5000-K987654-25, skada ca 15 tkr',
    'Öppettider 08-16, fritidsgården stänger 21:30; SL 123 är ersättningsbuss',
    'Väktare rondering 2200-0600 enligt avtal 2026-0042, 3 rundor per natt',
    'Koordinater 6580123, 162345 (SWEREF 99 TM), ca 200 m från skolan',
    'Vid Flemingsbergsskolan, Hälsovägen 11, finns 24 kameror och 0 trasiga',
  ])('%s', (text) => {
    expect(findPersonalData(text)).toEqual([]);
    expect(findSuspectedIdentityNumbers(text)).toEqual([]);
  });
});

describe('combined texts and overlaps', () => {
  it('returns findings of all kinds sorted by index', () => {
    const text =
      'Bil ABC 123 tillhör 811218-9876, nås på 070-123 45 67 eller anna@example.se; samordningsnr 701063-2391.';
    expect(findPersonalData(text).map((f) => [f.kind, f.match])).toEqual([
      ['vehicle-registration', 'ABC 123'],
      ['personal-identity-number', '811218-9876'],
      ['phone-number', '070-123 45 67'],
      ['email-address', 'anna@example.se'],
      ['coordination-number', '701063-2391'],
    ]);
  });

  it('reports a bare 10-digit number that is both a valid personnummer and phone number once, as an identity number', () => {
    // 0701234569 = 2007-01-23 with a valid check digit, and also a well-formed mobile number.
    expect(findPersonalData('0701234569')).toEqual([
      { kind: 'personal-identity-number', match: '0701234569', index: 0, masked: '070123****' },
    ]);
    // With a mobile-style separator it is only a phone number.
    expect(findPersonalData('070-123 45 69')).toMatchObject([{ kind: 'phone-number' }]);
  });

  it('never reports a number with a bad check digit as a phone number unless it is one', () => {
    expect(findPersonalData('811218-9875')).toEqual([]);
    expect(findPersonalData('19811218-9875')).toEqual([]);
  });

  it('never echoes the last four digits of an identity number in `masked`', () => {
    for (const value of ['19121212-1212', '811218-9876', '7010632391']) {
      const [finding] = findPersonalData(value);
      expect(finding?.masked).toBe(value.slice(0, -4) + '****');
    }
  });
});

describe('describeFinding', () => {
  const kinds: PersonalDataKind[] = [
    'personal-identity-number',
    'coordination-number',
    'phone-number',
    'email-address',
    'vehicle-registration',
  ];

  it.each(kinds)('%s has a Swedish and an English reason citing GDPR art. 10', (kind) => {
    expect(describeFindingSv(kind)).toMatch(/GDPR art\. 10/);
    expect(describeFindingEn(kind)).toMatch(/GDPR art\. 10/);
    expect(describeFindingSv(kind)).not.toBe(describeFindingEn(kind));
  });

  it('names the kind in Swedish', () => {
    expect(describeFindingSv('personal-identity-number')).toBe(
      'personnummer – rapporter får inte innehålla uppgifter som identifierar personer (GDPR art. 10)',
    );
    expect(describeFindingSv('coordination-number')).toMatch(/^samordningsnummer/);
    expect(describeFindingSv('phone-number')).toMatch(/^telefonnummer/);
    expect(describeFindingSv('email-address')).toMatch(/^e-postadress/);
    expect(describeFindingSv('vehicle-registration')).toMatch(/^registreringsnummer/);
  });
});

describe('properties', () => {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');

  /** A valid identity number in one of the accepted written forms, built from a real calendar date. */
  const identityNumber = fc
    .record({
      date: fc.date({
        min: new Date(Date.UTC(1890, 0, 1)),
        max: new Date(Date.UTC(2025, 11, 31)),
        noInvalidDate: true,
      }),
      serial: fc.integer({ min: 0, max: 999 }),
      coordination: fc.boolean(),
      form: fc.constantFrom('YYMMDD-NNNN', 'YYMMDDNNNN', 'YYYYMMDD-NNNN', 'YYYYMMDDNNNN', 'YYMMDD+NNNN'),
    })
    .map(({ date, serial, coordination, form }) => {
      const year = date.getUTCFullYear();
      const day = date.getUTCDate() + (coordination ? 60 : 0);
      const short = pad(year % 100) + pad(date.getUTCMonth() + 1) + pad(day);
      const nine = short + pad(serial, 3);
      const last4 = pad(serial, 3) + String(checkDigit(nine));
      const value = {
        'YYMMDD-NNNN': `${short}-${last4}`,
        YYMMDDNNNN: `${short}${last4}`,
        'YYYYMMDD-NNNN': `${String(year).slice(0, 2)}${short}-${last4}`,
        YYYYMMDDNNNN: `${String(year).slice(0, 2)}${short}${last4}`,
        'YYMMDD+NNNN': `${short}+${last4}`,
      }[form];
      return { value, kind: coordination ? 'coordination-number' : 'personal-identity-number' };
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

  it('does not report a valid identity number whose check digit is changed', () => {
    fc.assert(
      fc.property(identityNumber, fc.integer({ min: 1, max: 9 }), ({ value }, delta) => {
        const wrong = value.slice(0, -1) + String((Number(value.slice(-1)) + delta) % 10);
        const findings = findPersonalData(wrong);
        // A bare 10-digit number may still be a phone number (`07...`), never an identity number.
        expect(findings.filter((f) => f.kind !== 'phone-number')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('finds nothing in text without digits or @', () => {
    const alphabet = fc.constantFrom(
      ...'abcdefghijklmnopqrstuvwxyzåäöABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ .,;:-–+()/%²\n'.split(''),
    );
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 200 }), (text) => {
        expect(findPersonalData(text)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('returns sorted, non-overlapping findings whose match is the text at index', () => {
    const unit = fc.constantFrom(...'0123456789 -+@.abcABCxyz'.split(''), '070', '46', '19', '811218', '.se');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 80 }), (text) => {
        const findings = findPersonalData(text);
        let end = 0;
        for (const finding of findings) {
          expect(finding.index).toBeGreaterThanOrEqual(end);
          expect(text.slice(finding.index, finding.index + finding.match.length)).toBe(finding.match);
          end = finding.index + finding.match.length;
        }
      }),
      { numRuns: 1000 },
    );
  });
});
