import { describe, expect, it } from 'vitest';
import { findPersonalData, type Gazetteer } from './detector.ts';
import { only } from './detector.test-support.ts';

const huddinge: Gazetteer = {
  names: ['Huddinge kommun', 'Flemingsberg', 'Vårby/Masmo', 'Vårby C (Vårby gård)', 'Sjödalen-Fullersta', 'Skogås C'],
};
const names = (text: string, gazetteer: Gazetteer = huddinge) =>
  findPersonalData(text, { gazetteer }).filter((f) => f.kind === 'person-name');

describe('names of people', () => {
  it.each<[string, string]>([
    ['Grannen Anna Andersson har sett ungdomarna.', 'Anna Andersson'],
    ['Enligt Maria Johansson pågår langning.', 'Maria Johansson'],
    ['Anmälare: Karl-Erik Nilsson', 'Karl-Erik Nilsson'],
    ['Sven-Åke Bergström har sett bilen.', 'Sven-Åke Bergström'],
    ['vittnet Emma Karlsson-Holm filmade', 'Emma Karlsson-Holm'],
    ['Uppgiftslämnare är Lisa von Essen.', 'Lisa von Essen'],
    ['Anmälan gjord av Lars E. Johansson.', 'Lars E. Johansson'],
    ['Kontaktade Ulla Berg, boende i lgh 1102.', 'Ulla Berg'],
    ['Karl Erik Svensson ringde.', 'Karl Erik Svensson'],
    ['Ägaren Carl Palm har fått rutan krossad.', 'Carl Palm'], // a spelling SCB counts under Karl
    ['Lägenheten hyrs av Ahmed Hassan.', 'Ahmed Hassan'], // not a listed first name, but a top-100 surname
    ['ANMÄLARE ANNA BERGMAN', 'ANNA BERGMAN'],
  ])('in %j the name is %j', (text, match) => {
    expect(only(text, { gazetteer: huddinge })).toEqual({
      kind: 'person-name',
      match,
      index: text.indexOf(match),
      masked: match.slice(0, 1) + match.slice(1).replace(/\p{L}/gu, '*'),
    });
  });

  describe('names that are also words count only before a surname', () => {
    it.each([
      ['Per Svensson i trapphus 4 klagar.', 'Per Svensson'],
      ['Bo Gustafsson har larmat.', 'Bo Gustafsson'],
      ['Björn Lindqvist såg branden.', 'Björn Lindqvist'],
      ['Stig Pettersson rapporterar.', 'Stig Pettersson'],
      ['Max Holmberg sågs klottra.', 'Max Holmberg'],
      ['Saga Lindgren blev av med cykeln.', 'Saga Lindgren'],
      ['Per-Olof Hansson har bilder.', 'Per-Olof Hansson'],
      ['Maj Olofsson ringde.', 'Maj Olofsson'], // Maj is not in the list; Olofsson is a top-100 surname
    ])('%j', (text, match) => {
      expect(names(text)).toMatchObject([{ match }]);
    });

    it.each([
      'Per Vecka kommer 40 anmälningar.',
      'Bo Tryggt i Huddinge är kampanjen.',
      'Klara Sig Själv heter föräldrakursen.',
      'Max Burgers vid Kungens kurva har fått rutan krossad.',
      'Stig Upp Tidigt är temat för kvällen.',
      'Björn Eller Varg? Ett djur har setts.',
    ])('%j has no name', (text) => {
      expect(names(text)).toEqual([]);
    });
  });

  it.each([
    ['Vid Anna Lindhs park är belysningen släckt.', 'a place noun follows'],
    ['Otrygg passage längs Alfred Nobels allé.', 'a place noun follows'],
    ['Per Albin Hanssons väg saknar övergångsställe.', 'a place noun follows the whole name'],
    ['Skadegörelse vid Karl Johans skola.', 'a place noun follows'],
    ['Gustav Vasa kyrka används som samlingsplats.', 'a place noun follows'],
    ['Vid Anna Lindhs Park samlas ungdomar.', 'a capitalised place noun in the name'],
    ['Erik Dahlbergsgatan 4: portkoden har spridits.', 'a street-name suffix'],
    ['Olle Hälsovägen', 'a street-name suffix'],
    ['Huge Bostäder och Anna Fastigheter deltar.', 'an organisation word'],
    ['Bella Pizzeria har fått rutan krossad.', 'an organisation word follows'],
    ['Klotter Vid Busskuren Hos Anna Maria Skolgård', 'title case, no surname'],
    ['Inbrott I Förråd Vid Lisa Konsum Och Ica', 'title case, no surname'],
    ['PER VECKA KOMMER 40 ANMÄLNINGAR', 'capitals need a surname'],
    ['Enligt Andersson på Huge är porten lagad.', 'a function word before a surname'],
    ['Anna såg ungdomarna vid stationen.', 'a first name alone'],
    ['Adam Och Eva heter lekplatsen.', 'a capitalised function word is no surname'],
    ['anna andersson', 'lowercase (a known miss, not a refusal)'],
  ])('%j has no name (%s)', (text) => {
    expect(names(text)).toEqual([]);
  });

  it('excludes the municipality gazetteer: a place that starts with a first name is a place', () => {
    const text = 'Klotter vid Ebba Brahe igen, och vid Vårby gård.';
    expect(names(text, { names: [] })).toMatchObject([{ match: 'Ebba Brahe' }]);
    expect(names(text, { names: ['Ebba Brahe'] })).toEqual([]);
    // Matched ignoring case, and also for the parts of a name like `Vårby C (Vårby gård)`.
    expect(names('Vid Ebba Brahe samlas de.', { names: ['EBBA BRAHE'] })).toEqual([]);
    expect(names('Vid Ebba Brahe samlas de.', { names: ['Brahe C (Ebba Brahe)'] })).toEqual([]);
  });

  it('turns the name detector off with allowNames, and only it', () => {
    const text = 'Ansvarig Anna Andersson, tel 070-123 45 67';
    expect(findPersonalData(text).map((f) => f.kind)).toEqual(['person-name', 'phone-number']);
    expect(findPersonalData(text, { allowNames: true }).map((f) => f.kind)).toEqual(['phone-number']);
  });
});
