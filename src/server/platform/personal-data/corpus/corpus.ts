/**
 * The committed personal-data corpora (issue 11) and how they are scored. One module, so the test
 * that asserts the aims and `npm run bench personal-data` measure exactly the same thing.
 *
 * - `personal-data-cases.json`: texts that carry one identifier each (kind + the value as written);
 *   a case is caught when a finding of that kind overlaps the value.
 * - `ordinary-texts.json`: report texts without personal data; a text is a false positive when it
 *   has any finding at all (the reporter would get a 422).
 * Both are scored with the Huddinge gazetteer, as the guard would check them.
 */
import { readFileSync } from 'node:fs';
import type { DetectOptions, Gazetteer, PersonalDataFinding, PersonalDataKind } from '../finding.ts';
import ordinaryFile from './ordinary-texts.json' with { type: 'json' };
import casesFile from './personal-data-cases.json' with { type: 'json' };

export interface PersonalDataCase {
  kind: PersonalDataKind;
  value: string;
  text: string;
  note?: string;
}

export const personalDataCases: readonly PersonalDataCase[] = casesFile.cases as PersonalDataCase[];
export const ordinaryTexts: readonly string[] = ordinaryFile.texts;

const seedPack = new URL('../../../../../seed-packs/huddinge/', import.meta.url);
const readJson = (file: string): unknown => JSON.parse(readFileSync(new URL(file, seedPack), 'utf8'));

/** The gazetteer the reference service builds for Huddinge: the municipality, its areas and places. */
export function huddingeGazetteer(): Gazetteer {
  const pack = readJson('pack.json') as { municipality: { name: string } };
  const areas = readJson('geo/areas.geojson') as { features: { properties: { name: string } }[] };
  const places = readJson('geo/places.json') as { name: string }[];
  return {
    names: [pack.municipality.name, ...areas.features.map((f) => f.properties.name), ...places.map((p) => p.name)],
  };
}

type Detect = (text: string, options: DetectOptions) => PersonalDataFinding[];

export interface CorpusScore {
  cases: number;
  caught: number;
  /** Cases with some finding over the value, of any kind (the text is refused either way). */
  refused: number;
  missed: PersonalDataCase[];
  ordinary: number;
  falsePositives: { text: string; findings: PersonalDataFinding[] }[];
  recall: number;
  falsePositiveRate: number;
}

export function scoreCorpus(detect: Detect, gazetteer: Gazetteer = huddingeGazetteer()): CorpusScore {
  const missed: PersonalDataCase[] = [];
  let refused = 0;
  for (const c of personalDataCases) {
    const start = c.text.indexOf(c.value);
    const end = start + c.value.length;
    const over = detect(c.text, { gazetteer }).filter((f) => f.index < end && start < f.index + f.match.length);
    if (over.length > 0) refused++;
    if (!over.some((f) => f.kind === c.kind)) missed.push(c);
  }
  const falsePositives = ordinaryTexts
    .map((text) => ({ text, findings: detect(text, { gazetteer }) }))
    .filter((r) => r.findings.length > 0);
  const caught = personalDataCases.length - missed.length;
  return {
    cases: personalDataCases.length,
    caught,
    refused,
    missed,
    ordinary: ordinaryTexts.length,
    falsePositives,
    recall: caught / personalDataCases.length,
    falsePositiveRate: falsePositives.length / ordinaryTexts.length,
  };
}
