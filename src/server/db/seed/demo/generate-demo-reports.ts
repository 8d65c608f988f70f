import { DateTime } from 'luxon';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { streamRng, type Rng } from '../../../../analysis/random.ts';
import type { AreaLocator } from '../../../features/reference/geo/area-assignment.ts';
import type {
  ReportSeverity,
  ReportStatus,
  ReportTarget,
  ReportVisibility,
} from '../../../features/reports/reports.tables.ts';
import { ZONE } from '../../../../contracts/iso-week.ts';
import { DEMO_TEXTS } from './demo-texts.ts';

export interface DemoReport {
  categoryCode: string;
  authorIndex: number;
  occurredAt: Date;
  lat: number;
  lon: number;
  areaCode: string;
  placeCode: string | null;
  target: ReportTarget;
  description: string;
  severity: ReportSeverity;
  visibility: ReportVisibility;
  status: ReportStatus;
}

export interface DemoInput {
  now: Date;
  weeks: number;
  seed: number;
  places: { code: string; lat: number; lon: number }[];
  boundaryBox: { minLon: number; minLat: number; maxLon: number; maxLat: number };
  locate: AreaLocator;
  authorCount: number;
}

const CATEGORY_WEIGHTS: [string, number][] = [
  ['skadegorelse-klotter', 18],
  ['glaskross', 6],
  ['anlagd-brand', 3],
  ['otrygghetsskapande-samling', 10],
  ['ordningsstorning', 8],
  ['otrygg-plats', 9],
  ['nedskrapning', 10],
  ['misstankt-narkotikahantering', 6],
  ['alkohol-langning', 4],
  ['hot-vald-mot-personal', 2],
  ['vald-i-nara-relation-oro', 1],
  ['inbrott-stold', 8],
  ['olovlig-trafik-buskorning', 5],
  ['vapen-skottlossning', 1],
  ['arrangemang', 4],
  ['ovrigt', 4],
];
const RESTRICTED_CATEGORIES = new Set([
  'misstankt-narkotikahantering',
  'vapen-skottlossning',
  'vald-i-nara-relation-oro',
]);
// Evening-heavy hour profile: disorder and gatherings cluster 18-24.
const HOUR_WEIGHTS = [2, 1, 1, 1, 0, 0, 1, 2, 3, 3, 3, 3, 4, 4, 4, 5, 6, 7, 9, 10, 10, 9, 7, 4];

const randomInt = (rng: Rng, from: number, to: number) => uniformInt(rng, from, to);
const uniform = (rng: Rng) => randomInt(rng, 0, 0x3fffffff) / 0x40000000;

function weighted<T>(rng: Rng, items: readonly [T, number][]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let r = uniform(rng) * total;
  for (const [item, w] of items) {
    if ((r -= w) < 0) return item;
  }
  return items[items.length - 1]![0];
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[randomInt(rng, 0, items.length - 1)]!;
}

/** Normal deviate by Box–Muller, for scattering reports around a place. */
function gaussian(rng: Rng): number {
  const u = Math.max(uniform(rng), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform(rng));
}

/**
 * A deterministic, plausible year of reports: weekly volume with a summer peak, evening-heavy
 * hours, most reports near known places, and one episode (gatherings and disorder around
 * Skogås C over the last weeks) so the weekly picture has a story to show.
 */
export function generateDemoReports(input: DemoInput): DemoReport[] {
  const rng = streamRng(input.seed, 0);
  const reports: DemoReport[] = [];
  const thisWeek = DateTime.fromJSDate(input.now, { zone: ZONE }).startOf('week');
  const skogas = input.places.find((p) => p.code.startsWith('skogas')) ?? input.places[0]!;

  for (let w = input.weeks - 1; w >= 0; w--) {
    const weekStart = thisWeek.minus({ weeks: w });
    const seasonal = 1 + 0.3 * Math.sin(((weekStart.weekNumber - 14) / 52) * 2 * Math.PI);
    const count = Math.round((38 + randomInt(rng, -8, 8)) * seasonal);
    const episode = w <= 3 ? 6 + randomInt(rng, 0, 6) : 0;

    for (let i = 0; i < count + episode; i++) {
      const inEpisode = i >= count;
      const day = randomInt(rng, 0, 6);
      const hour = weighted(
        rng,
        HOUR_WEIGHTS.map((wt, h) => [h, wt] as [number, number]),
      );
      const occurred = weekStart.plus({ days: day, hours: hour, minutes: randomInt(rng, 0, 59) });
      if (occurred.toJSDate() > input.now) continue;

      const categoryCode = inEpisode
        ? pick(rng, ['otrygghetsskapande-samling', 'ordningsstorning', 'skadegorelse-klotter'])
        : weighted(rng, CATEGORY_WEIGHTS);
      const nearPlace = inEpisode || uniform(rng) < 0.6;
      let lat: number;
      let lon: number;
      let placeCode: string | null = null;
      let areaCode: string | undefined;
      for (let attempt = 0; attempt < 20 && !areaCode; attempt++) {
        if (nearPlace) {
          const place = inEpisode ? skogas : pick(rng, input.places);
          const spread = inEpisode ? 120 : 250;
          lat = place.lat + (gaussian(rng) * spread) / 111_320;
          lon = place.lon + (gaussian(rng) * spread) / (111_320 * Math.cos((place.lat * Math.PI) / 180));
          placeCode = attempt === 0 && uniform(rng) < 0.5 ? place.code : null;
        } else {
          const b = input.boundaryBox;
          lat = b.minLat + uniform(rng) * (b.maxLat - b.minLat);
          lon = b.minLon + uniform(rng) * (b.maxLon - b.minLon);
        }
        const located = input.locate({ lat: lat!, lon: lon! });
        if (located.kind === 'inside') areaCode = located.areaCode;
      }
      if (!areaCode) continue;

      const ageDays = input.now.getTime() / 86_400_000 - occurred.toMillis() / 86_400_000;
      const status: ReportStatus =
        ageDays < 7
          ? uniform(rng) < 0.7
            ? 'new'
            : 'reviewed'
          : ageDays < 21
            ? pick(rng, ['reviewed', 'reviewed', 'closed'])
            : 'closed';
      reports.push({
        categoryCode,
        authorIndex: randomInt(rng, 0, input.authorCount - 1),
        occurredAt: occurred.toJSDate(),
        lat: lat!,
        lon: lon!,
        areaCode,
        placeCode,
        target:
          categoryCode === 'hot-vald-mot-personal' || categoryCode === 'vald-i-nara-relation-oro'
            ? 'person'
            : categoryCode === 'inbrott-stold'
              ? pick(rng, ['property', 'business'])
              : pick(rng, ['public-space', 'public-space', 'property']),
        description: pick(rng, DEMO_TEXTS[categoryCode] ?? DEMO_TEXTS['ovrigt']!),
        severity: weighted(rng, [
          ['low', 3],
          ['medium', 5],
          ['high', inEpisode ? 4 : 1],
        ] as [ReportSeverity, number][]),
        visibility: RESTRICTED_CATEGORIES.has(categoryCode) && uniform(rng) < 0.5 ? 'restricted' : 'partnership',
        status,
      });
    }
  }
  return reports;
}
