/**
 * Personal-data detector for free text (reports, comments, assessments, imports).
 *
 * Reports describe unsafe places and situations and must stay person-free (GDPR art. 10: data on
 * offences may only be processed under official authority, so a coordination tool must not hold them
 * about identifiable people). This module flags the person identifiers that are recognisable in
 * text: personnummer and samordningsnummer (identity-numbers.ts), phone numbers (phone-numbers.ts),
 * e-mail addresses (email-addresses.ts), vehicle registration numbers (vehicle-registrations.ts)
 * and names of people (person-names.ts). Each module states its decisions on ambiguous cases.
 *
 * Pure and I/O-free. The text is first normalised (normalise.ts: NFKC, format characters removed,
 * one kind of dash, space and digit), so fullwidth, Arabic-Indic or zero-width-split values are seen
 * as what they are; findings are mapped back and point into the original text. Every detector works
 * "candidate then validate": a permissive regex finds a token with its boundaries, then a plain
 * function decides. Measured on the committed corpora (corpus/) by a test and `npm run bench
 * personal-data`.
 */
import {
  maskFrom,
  type DetectOptions,
  type Detection,
  type Detector,
  type PersonalDataFinding,
  type PersonalDataKind,
} from './finding.ts';
import { detectEmailAddresses } from './email-addresses.ts';
import { detectIdentityNumbers } from './identity-numbers.ts';
import { normaliseForDetection, toOriginal } from './normalise.ts';
import { detectPersonNames } from './person-names.ts';
import { detectPhoneNumbers } from './phone-numbers.ts';
import { detectVehicleRegistrations } from './vehicle-registrations.ts';

export type { DetectOptions, Gazetteer, PersonalDataFinding, PersonalDataKind } from './finding.ts';
export { luhnValid } from './identity-numbers.ts';

// Order is priority on overlap: an address containing digits stays one e-mail finding, and an
// identity number is never also reported as a phone number.
const DETECTORS: readonly Detector[] = [
  detectEmailAddresses,
  detectIdentityNumbers,
  detectPhoneNumbers,
  detectVehicleRegistrations,
  detectPersonNames,
];

/**
 * All personal data found in `text`, sorted by index, with no two findings overlapping. `index` and
 * `match` refer to `text` as given. When detectors disagree on a span, the earlier one in
 * `DETECTORS` wins. `options.gazetteer` keeps the municipality's place names from reading as
 * people; `options.allowNames` turns the name detector off (every other kind still counts).
 */
export function findPersonalData(text: string, options: DetectOptions = {}): PersonalDataFinding[] {
  const normalised = normaliseForDetection(text);
  const accepted: Detection[] = [];
  for (const detect of DETECTORS) {
    for (const finding of detect(normalised.text, options)) {
      if (!accepted.some((other) => overlaps(other, finding))) accepted.push(finding);
    }
  }
  return accepted
    .sort((a, b) => a.index - b.index)
    .map(({ keep, ...finding }) => {
      if (normalised.changes.length === 0) return finding;
      const { start, end } = toOriginal(normalised, finding.index, finding.index + finding.match.length);
      const match = text.slice(start, end);
      // Rebuild the mask on the original, so it keeps the shape the reporter typed (en dash, NBSP).
      const visible =
        keep === undefined ? undefined : toOriginal(normalised, finding.index, finding.index + keep).end - start;
      return {
        ...finding,
        index: start,
        match,
        masked: visible === undefined ? finding.masked : maskFrom(match, visible),
      };
    });
}

function overlaps(a: Detection, b: Detection): boolean {
  return a.index < b.index + b.match.length && b.index < a.index + a.match.length;
}

const GDPR = 'rapporter får inte innehålla uppgifter som identifierar personer (GDPR art. 10)';
const GDPR_EN = 'reports must not contain data that identifies people (GDPR art. 10)';

const REASON_SV: Record<PersonalDataKind, string> = {
  'personal-identity-number': `personnummer – ${GDPR}`,
  'coordination-number': `samordningsnummer – ${GDPR}`,
  'phone-number': `telefonnummer – kan kopplas till en person; ${GDPR}`,
  'email-address': `e-postadress – kan kopplas till en person; ${GDPR}`,
  'vehicle-registration': `registreringsnummer – kan kopplas till fordonets ägare; ${GDPR}`,
  'person-name': `namn på en person – beskriv platsen och situationen, inte vem; ${GDPR}`,
};

const REASON_EN: Record<PersonalDataKind, string> = {
  'personal-identity-number': `personal identity number – ${GDPR_EN}`,
  'coordination-number': `coordination number – ${GDPR_EN}`,
  'phone-number': `phone number – can be linked to a person; ${GDPR_EN}`,
  'email-address': `e-mail address – can be linked to a person; ${GDPR_EN}`,
  'vehicle-registration': `vehicle registration number – can be linked to the vehicle's owner; ${GDPR_EN}`,
  'person-name': `name of a person – describe the place and the situation, not who; ${GDPR_EN}`,
};

/** Short Swedish reason for a finding, for messages to the reporter. */
export function describeFindingSv(kind: PersonalDataKind): string {
  return REASON_SV[kind];
}

/** Short English reason for a finding. */
export function describeFindingEn(kind: PersonalDataKind): string {
  return REASON_EN[kind];
}
