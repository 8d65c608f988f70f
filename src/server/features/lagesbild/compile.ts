import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { weekRange } from '../../../contracts/iso-week.ts';
import type { ActionsService } from '../actions/actions.service.ts';
import type { Actor } from '../../platform/actor.ts';
import {
  addTo,
  BASELINE_WEEKS,
  CHANGE_ALPHA,
  decideChanges,
  figureOf,
  MIN_ABSOLUTE_CHANGE,
  SPARKLINE_WEEKS,
  weekWindow,
  type Series,
} from './figures.ts';
import type {
  AreaFigureView,
  CategoryFigureView,
  LagesbildView,
  NotableChangeView,
  RecurringPlaceView,
  WeekMapView,
} from '../../../contracts/lagesbild.ts';
import * as repo from './lagesbild.repository.ts';
import { findRecurringPlaces } from './recurring-places.ts';

export const RECURRING_RADIUS_METRES = 100;
export const RECURRING_WEEKS = 4;
const MAX_RECURRING_PLACES = 50;
/** Map points of the week; more than this and the map shows the first ones and says so. */
const MAX_WEEK_POINTS = 3000;
/**
 * Reports read for recurring places (the newest of four weeks); far above any real municipality's
 * volume, and a bound on the clustering's time when reports pile up at one spot.
 */
const MAX_RECURRING_POINTS = 20_000;

export interface CompileDeps {
  db: Kysely<DB>;
  /** The week's actions as a reader may see them (publishing passes ones read before its snapshot). */
  actions: Pick<ActionsService, 'list'>;
  clock: () => Date;
}

const round = (v: number, digits = 6) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * Compiles the live picture of `week` for an audience. `reader` is the actor whose rights decide
 * which linked reports actions show. Figures are exact counts (from the trigger-kept weekly counts);
 * nothing here is cached. The week's map points are `compileMap`'s.
 */
export async function compilePicture(
  deps: CompileDeps,
  week: string,
  audience: repo.Audience,
  reader: Actor,
): Promise<LagesbildView> {
  const { db } = deps;
  const now = deps.clock();
  const range = weekRange(week);
  const window = weekWindow(week);
  const recurringFrom = window.bounds[BASELINE_WEEKS + 1 - RECURRING_WEEKS]!;
  const previousWeek = window.weeks[BASELINE_WEEKS - 1]!;

  // Independent reads in parallel (PostgreSQL spreads them over the pool); dependent ones chained.
  const [context, counts, places, newSince, actions] = await Promise.all([
    repo.pictureContext(db, week),
    repo.countByAreaCategoryWeek(db, audience, window.weeks, { from: window.bounds[0]!, to: range.to }),
    recurringPlaces(db, audience, recurringFrom, range.to),
    repo.countFiledSinceLastMeeting(db, audience, week, range.from, now),
    deps.actions.list(reader, { decidedInOrOpen: [week, previousWeek] }),
  ]);
  const { areas, categories, assessments } = context;

  const decided = actions.filter((a) => a.decidedWeek === week);
  const followUp = actions.filter((a) => a.decidedWeek === previousWeek);
  const open = actions.filter((a) => a.status === 'planned' || a.status === 'in-progress');
  const byAreaSeries = new Map<string, Series>();
  const byCategorySeries = new Map<string, Series>();
  const byCellSeries = new Map<string, Series>();
  const total = new Map<string, Series>();
  for (const row of counts) {
    addTo(byAreaSeries, row.areaId, row.weekIndex, row.n);
    addTo(byCategorySeries, row.categoryId, row.weekIndex, row.n);
    addTo(byCellSeries, `${row.areaId}|${row.categoryId}`, row.weekIndex, row.n);
    addTo(total, 'all', row.weekIndex, row.n);
  }

  const areaCode = new Map(areas.map((a) => [a.id, a.code]));
  const categoryInfo = new Map(categories.map((c) => [c.id, c]));
  const assessmentByArea = new Map(assessments.map((a) => [a.area_id, a]));

  const areaFigures = areas.map((a) => ({ area: a, ...figureOf(byAreaSeries.get(a.id)) }));
  const areaChanges = decideChanges(
    areaFigures.map((f) => ({ key: f.area.code, count: f.count, baselineMean: f.baselineMean })),
  );
  const byArea: AreaFigureView[] = areaFigures.map((f, i) => {
    const assessment = assessmentByArea.get(f.area.id);
    const openHere = open.filter((o) => o.areaCode === f.area.code);
    return {
      areaCode: f.area.code,
      name: f.area.name,
      count: f.count,
      previousCount: f.previousCount,
      baselineMean: f.baselineMean,
      change: areaChanges[i]!,
      series: window.weeks
        .slice(-SPARKLINE_WEEKS)
        .map((w, k) => ({ week: w, count: f.series[BASELINE_WEEKS + 1 - SPARKLINE_WEEKS + k]! })),
      assessment: assessment
        ? {
            level: assessment.level,
            comment: assessment.comment,
            updatedAt: new Date(assessment.updated_at).toISOString(),
          }
        : null,
      openActions: openHere.length,
      overdueActions: openHere.filter((o) => o.overdue).length,
    };
  });

  const categoryFigures = categories.map((c) => ({ category: c, ...figureOf(byCategorySeries.get(c.id)) }));
  const categoryChanges = decideChanges(
    categoryFigures.map((f) => ({ key: f.category.code, count: f.count, baselineMean: f.baselineMean })),
  );
  const byCategory: CategoryFigureView[] = categoryFigures.map((f, i) => ({
    categoryCode: f.category.code,
    name: f.category.name,
    focusAreaCode: f.category.focus_area_code,
    color: f.category.color,
    count: f.count,
    previousCount: f.previousCount,
    baselineMean: f.baselineMean,
    change: categoryChanges[i]!,
  }));

  const notableChanges: NotableChangeView[] = [
    ...byArea.map((a) => ({
      scope: 'area' as const,
      code: a.areaCode,
      name: a.name,
      count: a.count,
      baselineMean: a.baselineMean,
      change: a.change,
    })),
    ...byCategory.map((c) => ({
      scope: 'category' as const,
      code: c.categoryCode,
      name: c.name,
      count: c.count,
      baselineMean: c.baselineMean,
      change: c.change,
    })),
  ]
    .filter((x) => x.change.notable && x.change.direction !== 'none')
    .sort((a, b) => a.change.q - b.change.q)
    .map(({ change, ...x }) => ({ ...x, direction: change.direction as 'up' | 'down', q: change.q }));

  const cells = [...byCellSeries.entries()].flatMap(([key, series]) => {
    const [areaId, categoryId] = key.split('|') as [string, string];
    const code = areaCode.get(areaId);
    const category = categoryInfo.get(categoryId);
    if (!code || !category) return [];
    const f = figureOf(series);
    return [
      {
        areaCode: code,
        categoryCode: category.code,
        count: f.count,
        previousCount: f.previousCount,
        baselineMean: f.baselineMean,
      },
    ];
  });

  const totals = figureOf(total.get('all'));
  return {
    week,
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    total: totals.count,
    previousTotal: totals.previousCount,
    baselineTotal: totals.baselineMean,
    byArea,
    byCategory,
    cells,
    notableChanges,
    changeMethod: {
      test: 'poisson-exact',
      correction: 'benjamini-hochberg',
      alpha: CHANGE_ALPHA,
      minAbsoluteChange: MIN_ABSOLUTE_CHANGE,
    },
    recurringPlaces: places
      .map((p) => ({
        ...p,
        areaCode: areaCode.get(p.areaId) ?? '',
        categoryCodes: [...new Set(p.categoryIds.map((id) => categoryInfo.get(id)?.code ?? ''))].sort(),
      }))
      .map(({ areaId: _a, categoryIds: _c, ...place }) => place),
    recurringPlacesWindow: {
      from: recurringFrom.toISOString(),
      to: range.to.toISOString(),
      radiusMetres: RECURRING_RADIUS_METRES,
    },
    newSinceLastMeeting: { since: newSince.since.toISOString(), count: newSince.count },
    summary: context.summary ?? '',
    actions: { decided, followUp, open },
    status: 'draft',
    version: 1,
    publishedAt: null,
    publishedBy: null,
    reason: null,
    audience: audience.kind === 'actor' ? 'personal' : audience.kind,
    compiledAt: now.toISOString(),
  };
}

type PlaceWithIds = Omit<RecurringPlaceView, 'areaCode' | 'categoryCodes'> & { areaId: string; categoryIds: string[] };

/**
 * The largest recurring places of a window: positions of every counted report are clustered, then
 * only the members of the places shown are read in full.
 */
async function recurringPlaces(db: Kysely<DB>, audience: repo.Audience, from: Date, to: Date): Promise<PlaceWithIds[]> {
  const candidates = await repo.placeCandidates(db, audience, from, to, MAX_RECURRING_POINTS);
  const shown = findRecurringPlaces(candidates, RECURRING_RADIUS_METRES)
    .sort((a, b) => b.length - a.length || candidates.numbers[a[0]!]! - candidates.numbers[b[0]!]!)
    .slice(0, MAX_RECURRING_PLACES)
    .map((place) => place.map((i) => candidates.numbers[i]!));
  const details = new Map((await repo.reportsByNumber(db, shown.flat())).map((r) => [Number(r.number), r]));
  return shown.map((numbers) => {
    const members = numbers.map((n) => details.get(n)!);
    const times = members.map((m) => m.occurred_at.getTime());
    return {
      lat: round(members.reduce((s, m) => s + m.lat, 0) / members.length),
      lon: round(members.reduce((s, m) => s + m.lon, 0) / members.length),
      count: members.length,
      areaId: members[0]!.area_id,
      categoryIds: members.map((m) => m.category_id),
      firstAt: new Date(Math.min(...times)).toISOString(),
      lastAt: new Date(Math.max(...times)).toISOString(),
      reportIds: members.map((m) => m.id),
    };
  });
}

/** The week's counted reports as map points for an audience, oldest first, capped. */
export async function compileMap(
  deps: Pick<CompileDeps, 'db'>,
  week: string,
  audience: repo.Audience,
): Promise<Omit<WeekMapView, 'status' | 'version'>> {
  const range = weekRange(week);
  const [{ areas, categories }, points] = await Promise.all([
    repo.pictureContext(deps.db, week),
    repo.pointsBetween(deps.db, audience, range.from, range.to, MAX_WEEK_POINTS + 1),
  ]);
  const areaCode = new Map(areas.map((a) => [a.id, a.code]));
  const categoryInfo = new Map(categories.map((c) => [c.id, c]));
  return {
    week,
    reports: points.slice(0, MAX_WEEK_POINTS).map((p) => {
      const category = categoryInfo.get(p.category_id);
      return {
        id: p.id,
        number: p.number,
        lat: p.lat,
        lon: p.lon,
        areaCode: areaCode.get(p.area_id) ?? '',
        categoryCode: category?.code ?? '',
        focusAreaCode: category?.focus_area_code ?? '',
        occurredAt: p.occurred_at.toISOString(),
      };
    }),
    reportsTruncated: points.length > MAX_WEEK_POINTS,
  };
}
