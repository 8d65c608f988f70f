/**
 * Person-free example texts per category for the synthetic demo data set. They describe
 * places and situations the way trained reporters write, never people.
 */
export const DEMO_TEXTS: Record<string, string[]> = {
  'skadegorelse-klotter': [
    'Nytt klotter på busskuren, ca 2 m². Anmält till fastighetsägaren för sanering.',
    'Taggar på fasaden mot gångvägen, återkommande på samma vägg.',
    'Sönderslagen papperskorg och klotter vid lekplatsen.',
  ],
  glaskross: [
    'Krossad ruta i entrédörren till trapphuset.',
    'Glaskross på perrongen vid trappan, städning beställd.',
    'Sönderslagen ruta i cykelgaraget.',
  ],
  'anlagd-brand': [
    'Brand i papperskorg vid centrumets baksida, släckt av räddningstjänsten.',
    'Anlagd brand i sopkärl vid garagenedfarten.',
    'Brandskadad soffa i källarförråd.',
  ],
  'otrygghetsskapande-samling': [
    'Grupp om 10–15 ungdomar vid stationsentrén kvällstid, boende upplever otrygghet.',
    'Samling vid parkeringsdäcket sent på kvällen, höga ljud och nedskräpning.',
    'Återkommande samling i trapphuset, boende undviker entrén.',
  ],
  ordningsstorning: [
    'Högljudd störning vid torget efter stängning.',
    'Fyrverkerier mot fasad på innergården.',
    'Störningar vid busshållplatsen under kvällen.',
  ],
  'otrygg-plats': [
    'Trasig belysning längs gångvägen mot stationen, mörkt och ödsligt.',
    'Buskar skymmer sikten vid gångtunneln, behov av röjning.',
    'Tre armaturer ur funktion på parkeringen, upplevs otryggt.',
  ],
  nedskrapning: [
    'Mycket skräp och engångsgrillar i parken efter helgen.',
    'Nedskräpning vid återvinningsstationen.',
    'Dumpade möbler vid källaringången.',
  ],
  'misstankt-narkotikahantering': [
    'Misstänkt försäljning vid gångtunneln, återkommande kvällstid.',
    'Fynd av små påsar och snus-/cigarettfimpar vid lekplatsens baksida.',
    'Misstänkt överlämning vid pendeltågsentrén, rapporterat till polisen.',
  ],
  'alkohol-langning': [
    'Berusade personer vid torget under eftermiddagen.',
    'Misstänkt langning vid butikens lastkaj.',
    'Tomma flaskor och burkar vid skolgården på morgonen.',
  ],
  'hot-vald-mot-personal': [
    'Personal hotad verbalt vid entrén till fritidsgården.',
    'Hot mot väktare vid centrumets huvudentré.',
    'Personal utsatt för stenkastning vid vaktmästeriet.',
  ],
  'vald-i-nara-relation-oro': [
    'Grannar oroade över återkommande höga bråk i trapphuset kvällstid.',
    'Oro för våld i nära relation framförd av personal vid hembesök.',
  ],
  'inbrott-stold': [
    'Inbrott i källarförråd, dörren uppbruten.',
    'Stöld ur cykelgarage, låset avklippt.',
    'Försök till inbrott i lokal på bottenvåningen.',
  ],
  'olovlig-trafik-buskorning': [
    'Mopeder kör på gångvägen genom parken.',
    'Buskörning på parkeringen sent på kvällen.',
    'Fyrhjuling på cykelbanan vid skolan.',
  ],
  'vapen-skottlossning': [
    'Patroner hittade vid gångvägen, polisen tillkallad.',
    'Uppgift om smällar som liknar skott, polisen undersöker.',
  ],
  arrangemang: [
    'Nattvandring genomförd, lugnt i centrum.',
    'Trygghetsvandring med boende, brister i belysning noterade.',
    'Fritidsgårdens kvällsaktivitet, många besökare och lugn stämning.',
  ],
  ovrigt: [
    'Övergiven cykel vid stationen.',
    'Trasig grind till innergården.',
    'Vattenläcka i gångtunneln gör den hal.',
  ],
};
