import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { diffSummary, recordAudit } from '../../platform/audit.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { ZONE } from '../../../contracts/iso-week.ts';
import type { ActionCreate, ActionListQuery, ActionUpdate, ActionView } from '../../../contracts/actions.ts';
import { canManageActions, canReportProgress, isOverdue } from './actions.policy.ts';
import * as repo from './actions.repository.ts';

export interface ActionsServiceDeps {
  db: Kysely<DB>;
  clock: () => Date;
}

const unknown = (path: string, what: string) =>
  new ValidationError(`Unknown ${what}`, [{ path, message: `unknown ${what}`, code: `UNKNOWN_${what.toUpperCase()}` }]);

export function createActionsService({ db, clock }: ActionsServiceDeps) {
  const today = () => DateTime.fromJSDate(clock(), { zone: ZONE }).toISODate()!;

  async function views(actor: Actor, rows: repo.ActionRow[]): Promise<ActionView[]> {
    const linked = await repo.visibleLinkedReports(
      db,
      actor,
      rows.map((r) => r.id),
    );
    const day = today();
    return rows.map((row) => ({
      id: row.id,
      number: row.number,
      title: row.title,
      description: row.description,
      decidedWeek: row.decided_week,
      areaCode: row.area_code,
      areaName: row.area_name,
      placeCode: row.place_code,
      placeName: row.place_name,
      organisationCode: row.organisation_code,
      organisationName: row.organisation_name,
      responsiblePerson: row.responsible_person,
      dueOn: row.due_on,
      status: row.status,
      outcomeNote: row.outcome_note,
      overdue: isOverdue({ status: row.status, dueOn: row.due_on }, day),
      reportIds: (linked.get(row.id) ?? []).map((r) => r.id),
      linkedReports: linked.get(row.id) ?? [],
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    }));
  }

  async function resolve(
    code: string | null | undefined,
    table: 'areas' | 'places' | 'organisations',
    path: string,
    what: string,
  ) {
    if (!code) return null;
    const id = await repo.idByCode(db, table, code);
    if (!id) throw unknown(path, what);
    return id;
  }

  /**
   * Where an action applies: an area, or a named place, which brings its area along (so the
   * area's open actions count it). Both given must agree. Throws VALIDATION.
   */
  async function resolveWhere(areaCode: string | null | undefined, placeCode: string | null | undefined) {
    const areaId = await resolve(areaCode, 'areas', 'body.areaCode', 'area');
    if (!placeCode) return { areaId, placeId: null };
    const place = await repo.findPlaceByCode(db, placeCode);
    if (!place) throw unknown('body.placeCode', 'place');
    if (areaId && place.area_id !== areaId) {
      throw new ValidationError('The place lies in another area', [
        {
          path: 'body.placeCode',
          message: `place ${placeCode} does not lie in area ${areaCode}`,
          code: 'PLACE_NOT_IN_AREA',
        },
      ]);
    }
    return { areaId: place.area_id, placeId: place.id };
  }

  async function checkReports(ids: readonly string[]) {
    const existing = await repo.existingReportIds(db, ids);
    const missing = ids.filter((id) => !existing.has(id));
    if (missing.length > 0) {
      throw new ValidationError(
        'Unknown reports',
        missing.map((id) => ({ path: 'body.reportIds', message: `no report ${id}`, code: 'UNKNOWN_REPORT' })),
      );
    }
  }

  async function get(actor: Actor, id: string): Promise<ActionView> {
    const row = await repo.findActionById(db, id);
    if (!row) throw new NotFoundError('Action');
    return (await views(actor, [row]))[0]!;
  }

  return {
    get,

    /** Actions matching the filter; every logged-in user reads them. */
    async list(
      actor: Actor,
      query: ActionListQuery & {
        decidedWeeks?: string[];
        decidedInOrOpen?: string[];
        reportId?: string;
        reportIds?: readonly string[];
      },
    ): Promise<ActionView[]> {
      const rows = await repo.listActions(db, {
        decidedWeeks: query.decidedWeeks ?? (query.decidedWeek ? [query.decidedWeek] : undefined),
        areaCode: query.areaCode,
        organisationCode: query.organisationCode,
        status: query.status,
        open: query.open === undefined ? undefined : query.open === 'true',
        reportId: query.reportId,
        reportIds: query.reportIds,
        decidedInOrOpen: query.decidedInOrOpen,
      });
      return views(actor, rows);
    },

    /**
     * A coordinator records a decision, for an area or a named place (which implies its area).
     * Throws FORBIDDEN, VALIDATION (unknown codes or reports, PLACE_NOT_IN_AREA), PERSONAL_DATA.
     */
    async decide(actor: Actor, input: ActionCreate): Promise<ActionView> {
      if (!canManageActions(actor)) throw new ForbiddenError('Only coordinators decide actions');
      const [{ areaId, placeId }, organisationId] = await Promise.all([
        resolveWhere(input.areaCode, input.placeCode),
        resolve(input.organisationCode, 'organisations', 'body.organisationCode', 'organisation'),
      ]);
      await checkReports(input.reportIds);
      const id = await db.transaction().execute(async (trx) => {
        const actionId = await repo.insertAction(trx, {
          title: input.title,
          description: input.description,
          decided_week: input.decidedWeek,
          area_id: areaId,
          place_id: placeId,
          organisation_id: organisationId!,
          responsible_person: input.responsiblePerson,
          due_on: input.dueOn,
          created_by: actor.userId,
        });
        await repo.replaceActionReports(trx, actionId, input.reportIds);
        await recordAudit(trx, actor, {
          action: 'action.create',
          entityType: 'action',
          entityId: actionId,
          summary: { after: input },
        });
        return actionId;
      });
      return get(actor, id);
    },

    /**
     * Coordinators edit an action; the responsible organisation reports status and outcome.
     * Throws NOT_FOUND, FORBIDDEN, VALIDATION, PERSONAL_DATA.
     */
    async update(actor: Actor, id: string, input: ActionUpdate): Promise<ActionView> {
      const before = await repo.findActionById(db, id);
      if (!before) throw new NotFoundError('Action');
      if (!canReportProgress(actor, { organisationId: before.organisation_id }, input)) {
        throw new ForbiddenError(
          'Only coordinators, or the responsible organisation for status and outcome, may change an action',
        );
      }
      const organisationId = await resolve(
        input.organisationCode,
        'organisations',
        'body.organisationCode',
        'organisation',
      );
      if (input.reportIds) await checkReports(input.reportIds);
      await db.transaction().execute(async (trx) => {
        await repo.updateAction(trx, id, {
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(organisationId ? { organisation_id: organisationId } : {}),
          ...(input.responsiblePerson !== undefined ? { responsible_person: input.responsiblePerson } : {}),
          ...(input.dueOn !== undefined ? { due_on: input.dueOn } : {}),
          ...(input.status !== undefined ? { status: input.status } : {}),
          ...(input.outcomeNote !== undefined ? { outcome_note: input.outcomeNote } : {}),
          updated_at: clock(),
        });
        if (input.reportIds) await repo.replaceActionReports(trx, id, input.reportIds);
        await recordAudit(trx, actor, {
          action: 'action.update',
          entityType: 'action',
          entityId: id,
          summary: diffSummary(
            {
              title: before.title,
              description: before.description,
              organisationCode: before.organisation_code,
              responsiblePerson: before.responsible_person,
              dueOn: before.due_on,
              status: before.status,
              outcomeNote: before.outcome_note,
            } as Record<string, unknown>,
            { ...input, reportIds: undefined },
          ),
        });
      });
      return get(actor, id);
    },
  };
}

export type ActionsService = ReturnType<typeof createActionsService>;
