import { describe, expect, it } from 'vitest';
import { findPersonalData } from './detector.ts';
import { only } from './detector.test-support.ts';

describe('phone numbers', () => {
  it.each<[string, string]>([
    ['070-123 45 67', '070-*** ** **'],
    ['0701234567', '070*******'],
    ['070 123 45 67', '070 *** ** **'],
    ['070-1234567', '070-*******'],
    ['073-987 65 43', '073-*** ** **'],
    ['+46 70 123 45 67', '+46 70 *** ** **'],
    ['+46701234567', '+4670*******'],
    ['+46 (0)70-123 45 67', '+46 (0)70-*** ** **'],
    ['+46 070 123 45 67', '+46 070 *** ** **'], // the trunk 0 kept by mistake
    ['0046 70 123 45 67', '0046 70 *** ** **'],
    ['0046701234567', '004670*******'],
    ['08-123 456 78', '08-*** *** **'],
    ['08-12 34 56', '08-** ** **'],
    ['08 123 456 78', '08 *** *** **'],
    ['08-123 45 67', '08-*** ** **'],
    ['+46 8 123 456 78', '+46 8 *** *** **'],
    ['(08) 123 45 67', '(08) *** ** **'],
    ['031-123 45 67', '031-*** ** **'],
    ['031 - 12 34 56', '031 - ** ** **'],
    ['0771-123 456', '0771-*** ***'],
    ['0498-12 34 56', '0498-** ** **'],
    ['081234567', '081******'],
    ['070–123 45 67', '070–*** ** **'], // en dash from word processors
    ['070\u00a0123\u00a045\u00a067', '070\u00a0***\u00a0**\u00a0**'], // non-breaking spaces
    ['+45 12 34 56 78', '+45 ** ** ** **'], // a foreign number is as personal as a Swedish one
    ['020-123 456', '020-*** ***'], // service numbers too: a pattern cannot tell them apart
    // Forms the first version missed (issue 11)
    ['070.123.45.67', '070.***.**.**'],
    ['08.555.123.45', '08.***.***.**'],
    ['070.123 45 67', '070.*** ** **'],
    ['073/987 65 43', '073/*** ** **'],
    ['08 / 555 123 45', '08 / *** *** **'],
    ['+46(0)70-123 45 67', '+46(0)70-*** ** **'],
    ['+46 (0) 8 555 123 45', '+46 (0) 8 *** *** **'],
    ['0046 (0)70 555 44 33', '0046 (0)70 *** ** **'],
    ['0046-73-555 12 34', '0046-73-*** ** **'],
    ['０７０－１２３ ４５ ６７', '０７０－*** ** **'], // fullwidth
    ['076\u200b-555 12 34', '076\u200b-*** ** **'], // zero-width space inside
    ['07\u200b01234567', '07\u200b0*******'],
    ['٠٧٠١٢٣٤٥٦٧', '٠٧٠*******'], // Arabic-Indic digits
    ['070\u2011123 45 67', '070\u2011*** ** **'], // non-breaking hyphen
  ])('%s is a phone number, masked %s', (value, masked) => {
    const finding = only(`Ring ${value} vid frågor.`);
    expect(finding).toEqual({ kind: 'phone-number', match: value, index: 'Ring '.length, masked });
  });

  it.each([
    ['tel:070-123 45 67', '070-123 45 67'],
    ['Tfn 08-123 456 78.', '08-123 456 78'],
    ['(tel 0771-123 456)', '0771-123 456'],
    ['ring 070-123 45 67 2 ggr', '070-123 45 67'], // a following count is not swallowed
    ['070-123 45 67, 08-12 34 56', '070-123 45 67'],
  ])('in %j the number is %j', (text, match) => {
    const [first] = findPersonalData(text);
    expect(first).toMatchObject({ kind: 'phone-number', match, index: text.indexOf(match) });
  });

  it('finds several numbers in one text', () => {
    expect(findPersonalData('070-123 45 67, 08-12 34 56').map((f) => f.match)).toEqual([
      '070-123 45 67',
      '08-12 34 56',
    ]);
  });

  it.each([
    ['2026-11-23', 'ISO date'],
    ['23/11/2026', 'date with slashes'],
    ['08-11-2026', 'day-month-year date starting with 0'],
    ['08.11.2026', 'date with dots'],
    ['07:15', 'time'],
    ['kl 07.15–08.30', 'clock span with dots'],
    ['07:15-08:30', 'clock span with colons'],
    ['0800-1600', 'opening hours (subscriber part too short)'],
    ['mellan 2200-0600', 'night span'],
    ['2023–2024', 'year range'],
    ['2 500 kr', 'amount'],
    ['1 050 000 000 kr', 'amount with a 0-leading thousands group'],
    ['Storgatan 12', 'street number'],
    ['141 52 Huddinge', 'postcode'],
    ['K123456-26', 'case reference'],
    ['5000-K123456-24', 'police diary number'],
    ['ärende 2026-1234', 'municipal case number'],
    ['05 %', 'percentage'],
    ['0,5 promille', 'decimal'],
    ['59.2912, 18.0123456', 'coordinates'],
    ['070-123 45', 'mobile number too short'],
    ['070-123 45 678', 'mobile number too long'],
    ['01-123 45 67', '01 is not an area code'],
    ['0 1 2 3 4 5 6 7 8', 'single digits'],
    ['0701234567890', 'too many digits'],
    ['nr 0701234567a', 'glued to a word'],
    ['kl 08.15–09.45', 'clock span with dots and a dash'],
    ['08.30-17.00', 'opening hours with dots'],
    ['08.15 123 45', 'hh.mm after the area code'],
    ['08/11/2026', 'date with slashes'],
    ['070/123/45/67', 'slashes after the area code only'],
    ['070.123 45.67', 'dots neither everywhere nor only after the area code'],
    ['07.15-08.30', 'clock span'],
    ['2026.11.23', 'date with dots'],
  ])('%s is not a phone number (%s)', (value) => {
    expect(findPersonalData(value)).toEqual([]);
  });
});
