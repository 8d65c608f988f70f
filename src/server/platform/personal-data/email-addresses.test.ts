import { describe, expect, it } from 'vitest';
import { findPersonalData } from './detector.ts';
import { only } from './detector.test-support.ts';

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

  it.each<[string, string]>([
    ['Mejla anna.svensson(at)gmail.com om mer info behövs', 'anna.svensson(at)gmail.com'],
    ['kontakt: lars.eriksson [at] hotmail.se', 'lars.eriksson [at] hotmail.se'],
    ['mejl: moa.l {at} gmail.com', 'moa.l {at} gmail.com'],
    ['julia.s (AT) outlook.com har bilder', 'julia.s (AT) outlook.com'],
    ['skicka till kalle.p snabel-a telia.com', 'kalle.p snabel-a telia.com'],
    ['robin.h snabel a gmail.com', 'robin.h snabel a gmail.com'],
    ['peter(snabel-a)live.se', 'peter(snabel-a)live.se'],
    ['info: ahmed.h(@)gmail.com', 'ahmed.h(@)gmail.com'],
    ['E-post: maria @ example.se', 'maria @ example.se'],
    ['Skicka till: kent.olsson @telia.com', 'kent.olsson @telia.com'],
    ['e-post johanna.b＠gmail.com', 'johanna.b＠gmail.com'], // fullwidth @
    ['Skicka till emma.k(at)gmail(punkt)com', 'emma.k(at)gmail(punkt)com'],
    ['mejla lisa.larsson at gmail dot com', 'lisa.larsson at gmail dot com'],
    ['erik punkt berg snabel-a spray punkt se', 'berg snabel-a spray punkt se'],
  ])('%j contains the written-out address %j', (text, match) => {
    expect(only(text)).toMatchObject({ kind: 'email-address', match, index: text.indexOf(match) });
  });

  it('hides the local part and the domain of a written-out address, keeping only its top-level domain', () => {
    expect(only('anna.svensson(at)gmail.com').masked).toBe('a***@***.com');
    expect(only('lisa at gmail dot se').masked).toBe('l***@***.se');
  });

  it.each([
    '@polisen på twitter',
    'a@b',
    'foo@bar.',
    'Skogås@ C',
    'vi ses @ Skogås C',
    'möte at 10', // "at" with no domain
    'väktarna var at Flemingsberg.C',
    'att gå till Huddinge.kommun',
    'Belastningstest (at) 10 rps',
  ])('%j has no e-mail address', (text) => {
    expect(findPersonalData(text).filter((f) => f.kind === 'email-address')).toEqual([]);
  });
});
