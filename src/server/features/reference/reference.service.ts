import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { requireRole } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from '../../platform/errors.ts';
import { createAreaLocator, type AreaLocator } from './geo/area-assignment.ts';
import { validateAreaCollection, validateBoundary } from './geo/area-geojson-validation.ts';
import type {
  categoryCreateSchema,
  categoryUpdateSchema,
  focusAreaUpdateSchema,
  organisationCreateSchema,
  organisationUpdateSchema,
  placeCreateSchema,
} from '../../../contracts/reference.ts';
import type { Gazetteer } from '../../platform/personal-data/finding.ts';
import { assertNoPersonalData } from '../../platform/personal-data/rule.ts';
import * as repo from './reference.repository.ts';

/** Reference data changes rarely (admin edits); other server processes pick a change up within this time. */
const LOOKUP_TTL_MS = 60_000;

/**
 * In-memory reference data for hot paths such as report intake, so filing a report needs no
 * lookup queries: the area locator and categories, places and organisations by code/id.
 */
export interface AreaLookup {
  locate: AreaLocator;
  idByCode: Map<string, string>;
  nameByCode: Map<string, string>;
  toleranceMetres: number;
  categoryByCode: Map<string, { id: string; code: string; name: string; focusAreaCode: string; active: boolean }>;
  placeByCode: Map<string, { id: string; code: string; name: string; lat: number; lon: number }>;
  organisationNameById: Map<string, string>;
  /** Area, place and municipality names: never a person's name in a text (personal-data rule). */
  gazetteer: Gazetteer;
}

export function createReferenceService({ db, clock }: { db: Kysely<DB>; clock: () => Date }) {
  let lookup: { value: Promise<AreaLookup>; loadedAt: number } | undefined;

  async function loadLookup(): Promise<AreaLookup> {
    const [areas, municipality, categories, places, organisations] = await Promise.all([
      repo.listAreas(db),
      repo.findMunicipality(db),
      repo.listCategories(db),
      repo.listPlaces(db),
      repo.listOrganisations(db),
    ]);
    return {
      locate: createAreaLocator(areas, { toleranceMetres: municipality.areaToleranceMetres }),
      idByCode: new Map(areas.map((a) => [a.code, a.id])),
      nameByCode: new Map(areas.map((a) => [a.code, a.name])),
      toleranceMetres: municipality.areaToleranceMetres,
      categoryByCode: new Map(categories.map((c) => [c.code, c])),
      placeByCode: new Map(places.map((p) => [p.code, p])),
      organisationNameById: new Map(organisations.map((o) => [o.id, o.name])),
      gazetteer: { names: [municipality.name, ...areas.map((a) => a.name), ...places.map((p) => p.name)] },
    };
  }

  const invalidate = () => {
    lookup = undefined;
  };

  async function audited<T>(
    actor: Actor,
    entry: Parameters<typeof recordAudit>[2],
    change: (trx: Kysely<DB>) => Promise<T>,
  ) {
    const result = await db.transaction().execute(async (trx) => {
      const changed = await change(trx);
      await recordAudit(trx, actor, entry);
      return changed;
    });
    invalidate();
    return result;
  }

  /** The cached point -> area lookup used by report intake. */
  function areaLookup(): Promise<AreaLookup> {
    const now = clock().getTime();
    if (!lookup || now - lookup.loadedAt > LOOKUP_TTL_MS) {
      lookup = { value: loadLookup(), loadedAt: now };
      lookup.value.catch(invalidate);
    }
    return lookup.value;
  }

  async function focusAreaId(code: string): Promise<string> {
    const id = await repo.findIdByCode(db, 'focus_areas', code);
    if (!id) {
      throw new ValidationError('Unknown focus area', [
        { path: 'body.focusAreaCode', message: 'unknown focus area', code: 'UNKNOWN_FOCUS_AREA' },
      ]);
    }
    return id;
  }

  return {
    listOrganisations: () => repo.listOrganisations(db),
    listFocusAreas: () => repo.listFocusAreas(db),
    listCategories: () => repo.listCategories(db),
    listAreas: () => repo.listAreas(db),
    listPlaces: () => repo.listPlaces(db),
    municipality: () => repo.findMunicipality(db),
    /** The id of the organisation, focus area, category or place with this code (active or not), or undefined. */
    idByCode: (table: Parameters<typeof repo.findIdByCode>[1], code: string) => repo.findIdByCode(db, table, code),
    /** A place by code (active or not) with its position, or undefined. */
    findPlace: (code: string) => repo.findPlaceByCode(db, code),
    /** The id of the active organisation with this code, or undefined. */
    activeOrganisationId: (code: string) => repo.findIdByCode(db, 'organisations', code, { activeOnly: true }),

    /** The municipality's own place names, cached with the lookup, for the personal-data rule. */
    async gazetteer(): Promise<Gazetteer> {
      return (await areaLookup()).gazetteer;
    },

    /** The cached point -> area lookup used by report intake. */
    areaLookup,

    /** Admin adds a partner organisation. Throws FORBIDDEN, CODE_TAKEN. */
    async createOrganisation(actor: Actor, input: z.infer<typeof organisationCreateSchema>) {
      requireRole(actor, ['admin']);
      if (await repo.findIdByCode(db, 'organisations', input.code))
        throw new ConflictError('CODE_TAKEN', 'An organisation with that code exists');
      const id = await audited(
        actor,
        { action: 'organisation.create', entityType: 'organisation', summary: { after: input } },
        (trx) =>
          repo.insertOrganisation(trx, {
            code: input.code,
            name: input.name,
            short_name: input.shortName,
            kind: input.kind,
          }),
      );
      return (await repo.listOrganisations(db)).find((o) => o.id === id)!;
    },

    /** Admin edits an organisation. Throws FORBIDDEN, NOT_FOUND. */
    async updateOrganisation(actor: Actor, code: string, input: z.infer<typeof organisationUpdateSchema>) {
      requireRole(actor, ['admin']);
      const before = (await repo.listOrganisations(db)).find((o) => o.code === code);
      if (!before) throw new NotFoundError('Organisation');
      await audited(
        actor,
        {
          action: 'organisation.update',
          entityType: 'organisation',
          entityId: before.id,
          summary: { before, after: input },
        },
        (trx) =>
          repo.updateOrganisation(trx, before.id, {
            ...(input.name !== undefined ? { name: input.name } : {}),
            ...(input.shortName !== undefined ? { short_name: input.shortName } : {}),
            ...(input.kind !== undefined ? { kind: input.kind } : {}),
            ...(input.active !== undefined ? { active: input.active } : {}),
            updated_at: clock(),
          }),
      );
      return (await repo.listOrganisations(db)).find((o) => o.id === before.id)!;
    },

    /** Admin renames or recolours a focus area. Throws FORBIDDEN, NOT_FOUND. */
    async updateFocusArea(actor: Actor, code: string, input: z.infer<typeof focusAreaUpdateSchema>) {
      requireRole(actor, ['admin']);
      const before = (await repo.listFocusAreas(db)).find((f) => f.code === code);
      if (!before) throw new NotFoundError('Focus area');
      await audited(
        actor,
        {
          action: 'focus-area.update',
          entityType: 'focus_area',
          entityId: before.id,
          summary: { before, after: input },
        },
        (trx) =>
          repo.updateFocusArea(trx, before.id, {
            ...(input.name !== undefined ? { name: input.name } : {}),
            ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
            ...(input.color !== undefined ? { color: input.color } : {}),
            ...(input.active !== undefined ? { active: input.active } : {}),
            updated_at: clock(),
          }),
      );
      return (await repo.listFocusAreas(db)).find((f) => f.id === before.id)!;
    },

    /** Admin adds a report category. Throws FORBIDDEN, CODE_TAKEN, UNKNOWN_FOCUS_AREA. */
    async createCategory(actor: Actor, input: z.infer<typeof categoryCreateSchema>) {
      requireRole(actor, ['admin']);
      if (await repo.findIdByCode(db, 'categories', input.code))
        throw new ConflictError('CODE_TAKEN', 'A category with that code exists');
      const focus = await focusAreaId(input.focusAreaCode);
      const id = await audited(
        actor,
        { action: 'category.create', entityType: 'category', summary: { after: input } },
        (trx) =>
          repo.insertCategory(trx, {
            code: input.code,
            name: input.name,
            name_en: input.nameEn,
            description: input.description,
            focus_area_id: focus,
            sort_order: 1000,
          }),
      );
      return (await repo.listCategories(db)).find((c) => c.id === id)!;
    },

    /** Admin edits or retires a category (retired ones stay on old reports). Throws FORBIDDEN, NOT_FOUND. */
    async updateCategory(actor: Actor, code: string, input: z.infer<typeof categoryUpdateSchema>) {
      requireRole(actor, ['admin']);
      const before = (await repo.listCategories(db)).find((c) => c.code === code);
      if (!before) throw new NotFoundError('Category');
      const focus = input.focusAreaCode ? await focusAreaId(input.focusAreaCode) : undefined;
      await audited(
        actor,
        { action: 'category.update', entityType: 'category', entityId: before.id, summary: { before, after: input } },
        (trx) =>
          repo.updateCategory(trx, before.id, {
            ...(input.name !== undefined ? { name: input.name } : {}),
            ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
            ...(input.description !== undefined ? { description: input.description } : {}),
            ...(focus ? { focus_area_id: focus } : {}),
            ...(input.active !== undefined ? { active: input.active } : {}),
            updated_at: clock(),
          }),
      );
      return (await repo.listCategories(db)).find((c) => c.id === before.id)!;
    },

    /** Admin adds a named place; its area is found by position. Throws FORBIDDEN, CODE_TAKEN, OUTSIDE_MUNICIPALITY. */
    async createPlace(actor: Actor, input: z.infer<typeof placeCreateSchema>) {
      requireRole(actor, ['admin']);
      if (await repo.findIdByCode(db, 'places', input.code))
        throw new ConflictError('CODE_TAKEN', 'A place with that code exists');
      const areas = await this.areaLookup();
      const located = areas.locate(input);
      if (located.kind === 'outside') {
        throw new UnprocessableError('OUTSIDE_MUNICIPALITY', 'The place lies outside the municipality', {
          distanceMetres: Math.round(located.distanceMetres),
        });
      }
      const id = await audited(
        actor,
        { action: 'place.create', entityType: 'place', summary: { after: input } },
        (trx) => repo.insertPlace(trx, { ...input, area_id: areas.idByCode.get(located.areaCode) ?? null }),
      );
      return (await repo.listPlaces(db)).find((p) => p.id === id)!;
    },

    /**
     * Admin replaces the area set with an uploaded GeoJSON FeatureCollection. Areas are matched
     * by code: matching ones get the new shape, new ones are added, missing ones are retired
     * (kept for old reports). Throws FORBIDDEN, INVALID_AREAS (422, with every problem found).
     */
    async replaceAreas(actor: Actor, geojson: unknown) {
      requireRole(actor, ['admin']);
      const result = await validateAreaCollection(geojson);
      if (!result.ok)
        throw new UnprocessableError('INVALID_AREAS', 'The uploaded areas are not valid', {
          problems: result.problems,
        });
      // Area names are place names (a person's name in one is fine), but never an identifier.
      assertNoPersonalData(
        result.areas.map((a, index) => ({
          field: `features.${index}.properties.name`,
          text: a.name,
          allowNames: true,
        })),
      );
      const before = await repo.listAreas(db, { includeInactive: true });
      const incoming = new Set(result.areas.map((a) => a.code));
      await audited(
        actor,
        {
          action: 'area.replace-all',
          entityType: 'area',
          summary: {
            before: before.map((a) => a.code),
            after: result.areas.map((a) => a.code),
          },
        },
        async (trx) => {
          const now = clock();
          for (const [sortOrder, area] of result.areas.entries()) {
            await repo.upsertUploadedArea(trx, { ...area, sortOrder }, now);
          }
          await repo.retireAreas(
            trx,
            before.filter((a) => !incoming.has(a.code)).map((a) => a.code),
            now,
          );
        },
      );
      invalidate();
      return repo.listAreas(db);
    },

    /** Admin replaces the municipal boundary. Throws FORBIDDEN, INVALID_BOUNDARY (422). */
    async replaceBoundary(actor: Actor, geojson: unknown) {
      requireRole(actor, ['admin']);
      const result = validateBoundary(geojson);
      if (!result.ok)
        throw new UnprocessableError('INVALID_BOUNDARY', 'The uploaded boundary is not valid', {
          problems: result.problems,
        });
      await audited(actor, { action: 'municipality.replace-boundary', entityType: 'municipality' }, (trx) =>
        repo.updateMunicipalBoundary(trx, result.boundary, clock()),
      );
      invalidate();
      return repo.findMunicipality(db);
    },
  };
}

export type ReferenceService = ReturnType<typeof createReferenceService>;
