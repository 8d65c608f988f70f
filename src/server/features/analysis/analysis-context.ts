/**
 * What every analysis needs before it computes: the category selection, the study area (the
 * municipality's boundary, read through the reference service) and the reports the actor may see.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { UnprocessableError, ValidationError } from '../../platform/errors.ts';
import type { StudyArea } from '../../../analysis/study-area.ts';
import type { CategoryView } from '../../../contracts/reference.ts';
import type { ReferenceService } from '../reference/reference.service.ts';
import type { Period } from './analysis-period.ts';
import * as repo from './analysis.repository.ts';
import { projectBoundary } from './study-area.ts';

export interface Selection {
  categoryIds: string[] | null;
  categories: CategoryView[];
}

/**
 * Below these counts the methods say nothing useful (a "hot spot" of three reports, a density
 * surface of two), so the API answers 422 TOO_FEW_EVENTS instead of a confident-looking map.
 */
export const MIN_EVENTS = { hotspots: 10, density: 5, nearRepeat: 10, emerging: 10, concentration: 1 } as const;

export function tooFew(analysis: keyof typeof MIN_EVENTS, events: number): never {
  const minimum = MIN_EVENTS[analysis];
  throw new UnprocessableError(
    'TOO_FEW_EVENTS',
    `This analysis needs at least ${minimum} reports in the selection; there are ${events}`,
    { events, minimum },
  );
}

export function createAnalysisContext({ db, reference }: { db: Kysely<DB>; reference: ReferenceService }) {
  let boundary: { json: string; area: StudyArea } | null = null;
  return {
    /** Categories named by code and/or focus area (both: the intersection). VALIDATION for unknown codes. */
    async select(query: {
      categoryCodes?: string[] | undefined;
      focusAreaCode?: string | undefined;
    }): Promise<Selection> {
      if (!query.categoryCodes?.length && !query.focusAreaCode) return { categoryIds: null, categories: [] };
      const [all, focusAreas] = await Promise.all([reference.listCategories(), reference.listFocusAreas()]);
      const byCode = new Map(all.map((c) => [c.code, c]));
      const unknown = (query.categoryCodes ?? []).filter((c) => !byCode.has(c));
      if (unknown.length) {
        throw new ValidationError('Unknown category', [
          {
            path: 'querystring.categoryCodes',
            message: `unknown category: ${unknown.join(', ')}`,
            code: 'UNKNOWN_CATEGORY',
          },
        ]);
      }
      if (query.focusAreaCode && !focusAreas.some((f) => f.code === query.focusAreaCode)) {
        throw new ValidationError('Unknown focus area', [
          { path: 'querystring.focusAreaCode', message: 'unknown focus area', code: 'UNKNOWN_FOCUS_AREA' },
        ]);
      }
      let categories = query.categoryCodes?.length ? query.categoryCodes.map((c) => byCode.get(c)!) : all;
      if (query.focusAreaCode) categories = categories.filter((c) => c.focusAreaCode === query.focusAreaCode);
      return { categoryIds: categories.map((c) => c.id), categories };
    },

    /** The municipality's boundary in metres, projected once per boundary (an admin may replace it). */
    async studyArea(): Promise<StudyArea> {
      const m = await reference.municipality();
      const json = JSON.stringify(m.boundary);
      if (boundary?.json !== json) boundary = { json, area: projectBoundary(m.boundary) };
      return boundary.area;
    },

    /** The reports the actor may see in the period and selection, as the engine wants them. */
    points(actor: Actor, period: Period, selection: Selection): Promise<repo.EventPoints> {
      return repo.findVisibleEventPoints(db, actor, { ...period, categoryIds: selection.categoryIds });
    },
  };
}

export type AnalysisContext = ReturnType<typeof createAnalysisContext>;
