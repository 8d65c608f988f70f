/**
 * Three-letter words and abbreviations that precede numbers in Swedish (and some English) report
 * text, in any case: "och 123", "Tel 123 45", "SEK 500", "lgh 123", "Kap 12a", "BMW 530". Only words
 * that can look like a plate are listed: words with I, Q, V, Å, Ä or Ö (min, vid, tim, väg, för...)
 * can never match one.
 */
export const PLATE_LIKE_WORDS: ReadonlySet<string> = new Set(
  [
    // Swedish function words, pronouns and numerals
    'och att som den det dem med mot per ett har kan ska men man nya han hon oss era ens jag nej upp',
    'all alla tre fem sex sju elf tal',
    // Common short nouns and adjectives that precede a number
    'hus rum sal dag del typ tur lag par ref bil app box bad bak bar bra bur dal fat fel fot gul hal',
    'hel hem hot kul mat mer rak ren rot sol tak tom ton ort ugn kod fas nod gen zon rad sak',
    // Abbreviations used in reports
    'ant tot kap art cca obs tel tfn mob fax lgh kbm kwh mwh dnr brf hsb ggr pkt kpl ssk sfs mbl rps',
    'hep lpo tpt nrk cam kam ufo epa',
    // Currencies and amounts
    'sek eur usd nok dkk gbp kkr tkr mkr',
    // Weekdays and months
    'ons tor fre jan feb mar apr maj jun jul aug sep okt dec',
    // Authorities, operators, car makes and technical abbreviations
    'sos sms gps msb skr scb pbl osl lss usb led mtr bmw amg gmc abb',
    // English
    'the and for not are has had bus car top max nbr apt ext pos',
  ]
    .join(' ')
    .split(' '),
);
