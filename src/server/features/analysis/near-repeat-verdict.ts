/**
 * The plain-language near-repeat verdict (pure). It is given only when the Knox test supports it:
 * the nearest cell — pairs (0, M] metres apart and [0, D] days apart — holds more pairs than
 * chance would put there (ratio > 1) and the excess is significant (p < 0.05). Anything else gets
 * no sentence at all: "no evidence" must not read as "no risk", and a weak ratio must not read as a
 * warning. Row 0 ("same location") is left out on purpose: repeats at the very same address are
 * repeat victimisation, a different (and better known) pattern than near repeats.
 */
import type { KnoxResult } from '../../../analysis/index.ts';
import type { NearRepeatVerdictView } from '../../../contracts/analysis.ts';

export const VERDICT_ALPHA = 0.05;

export interface VerdictSubject {
  /** Category names of the selection (Swedish, English); empty means every category. */
  categoriesSv: string[];
  categoriesEn: string[];
  placeName: string;
}

const formatSv = (v: number, digits: number) =>
  new Intl.NumberFormat('sv-SE', { maximumFractionDigits: digits }).format(v);
const formatEn = (v: number, digits: number) =>
  new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits }).format(v);

function subjectSv(names: string[]): string {
  if (names.length === 0) return 'en händelse (alla kategorier)';
  if (names.length > 3) return `en händelse i någon av de ${names.length} valda kategorierna`;
  return `en händelse av typen ${names.join(' eller ')}`;
}

function subjectEn(names: string[]): string {
  if (names.length === 0) return 'an event (any category)';
  if (names.length > 3) return `an event in any of the ${names.length} chosen categories`;
  return `an event of the type ${names.join(' or ')}`;
}

export function nearRepeatVerdict(
  result: Pick<KnoxResult, 'ratio' | 'p' | 'spaceBands' | 'timeBands'>,
  subject: VerdictSubject,
): NearRepeatVerdictView | null {
  const ratio = result.ratio[1]?.[0];
  const p = result.p[1]?.[0];
  const metres = result.spaceBands[1]?.max;
  const days = result.timeBands[0]?.max;
  if (ratio === null || ratio === undefined || p === undefined || metres == null || days == null) return null;
  if (!(ratio > 1 && p < VERDICT_ALPHA)) return null;
  const stats = {
    sv: `Knox-kvot ${formatSv(ratio, 2)}, p = ${formatSv(p, 3)}`,
    en: `Knox ratio ${formatEn(ratio, 2)}, p = ${formatEn(p, 3)}`,
  };
  return {
    metres,
    days,
    ratio,
    p,
    sv:
      `Efter ${subjectSv(subject.categoriesSv)} i ${subject.placeName} är risken för en ny händelse förhöjd ` +
      `inom ${formatSv(metres, 0)} m under ${days} dagar (${stats.sv}; underlag 12 månader).`,
    en:
      `After ${subjectEn(subject.categoriesEn)} in ${subject.placeName}, the risk of another is raised ` +
      `within ${formatEn(metres, 0)} m for ${days} days (${stats.en}; based on 12 months).`,
  };
}
