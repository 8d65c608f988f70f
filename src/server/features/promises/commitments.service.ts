import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { diffSummary, recordAudit } from '../../platform/audit.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { checkActivity } from './activities/activity-rules.ts';
import { importActivities } from './activities/import-activities.ts';
import { activityTarget, loadCommitments, toCommitmentView, type LoadedCommitment } from './commitment-loader.ts';
import { localDate } from './progress/calendar.ts';
import {
  activitiesLeftOut,
  definedOf,
  periodOrderProblems,
  unknownCodes,
  withinProblems,
  type FieldProblem,
  type LoggedActivity,
} from './planning/planning-rules.ts';
import { canLogFor, canPlanFor, canWithdrawActivity } from './promises.policy.ts';
import type {
  ActivityImport,
  ActivityLog,
  ActivityView,
  CommitmentCreate,
  CommitmentUpdate,
  CommitmentView,
  ImportResult,
} from '../../../contracts/promises.ts';
import type { Gazetteer } from '../../platform/personal-data/finding.ts';
import * as repo from './promises.repository.ts';

export interface CommitmentsServiceDeps {
  db: Kysely<DB>;
  clock: () => Date;
  /** The municipality's place names, for the personal-data check of imported notes. */
  gazetteer: () => Promise<Gazetteer>;
}

export function createCommitmentsService({ db, clock, gazetteer }: CommitmentsServiceDeps) {
  async function one(id: string): Promise<LoadedCommitment> {
    const [found] = await loadCommitments(db, { ids: [id] }, { asOf: clock() });
    if (!found) throw new NotFoundError('Commitment');
    return found;
  }
  /** Views with what the actor may do: log (an owner) and edit (a coordinator of the agreement's parties). */
  async function views(actor: Actor, loaded: LoadedCommitment[]): Promise<CommitmentView[]> {
    const parties = await repo.partiesOf(db, [...new Set(loaded.map((c) => c.row.agreement_id))]);
    return loaded.map((c) =>
      toCommitmentView(
        c,
        actor.organisationId,
        canLogFor(
          actor,
          c.owners.map((o) => o.id),
        ),
        canPlanFor(
          actor,
          parties.filter((p) => p.agreement_id === c.row.agreement_id).map((p) => p.id),
        ),
      ),
    );
  }
  const viewOf = async (actor: Actor, id: string) => (await views(actor, [await one(id)]))[0]!;

  async function placeIds(): Promise<Map<string, string>> {
    return new Map((await repo.placesByCodeOrName(db)).map((p) => [p.code, p.id]));
  }

  return {
    /** Commitments with computed progress; `loggable` keeps those the actor's organisation may log for. */
    async list(
      actor: Actor,
      filter: { agreementId?: string; year?: number; promisesOnly?: boolean; loggable?: boolean },
    ): Promise<CommitmentView[]> {
      const loaded = await loadCommitments(
        db,
        {
          agreementId: filter.agreementId,
          year: filter.year,
          promisesOnly: filter.promisesOnly,
          ownedBy: filter.loggable ? actor.organisationId : undefined,
        },
        { asOf: clock() },
      );
      const all = await views(actor, loaded);
      return filter.loggable ? all.filter((v) => v.canLog) : all;
    },

    /** One commitment with progress. Throws NOT_FOUND. */
    async get(actor: Actor, id: string): Promise<CommitmentView> {
      return viewOf(actor, id);
    },

    /** The latest activities of a commitment, newest first. Throws NOT_FOUND. */
    async activities(actor: Actor, id: string): Promise<ActivityView[]> {
      await one(id);
      const rows = await repo.listActivityRows(db, id, 200);
      return rows.map((r) => ({
        id: r.id,
        commitmentId: r.commitment_id,
        occurredOn: r.occurred_on,
        placeCode: r.place_code,
        placeName: r.place_name,
        participants: r.participants,
        durationMinutes: r.duration_minutes,
        note: r.note,
        evidence: r.evidence,
        organisationName: r.organisation_name,
        loggedByName: r.logged_by_name,
        source: r.source,
        createdAt: r.created_at.toISOString(),
        canWithdraw: canWithdrawActivity(actor, r),
      }));
    },

    /**
     * Withdraws a wrongly logged activity; only its own organisation may. Returns the commitment with
     * its recomputed progress. Throws NOT_FOUND, FORBIDDEN, ALREADY_WITHDRAWN (409).
     */
    async withdraw(actor: Actor, activityId: string): Promise<CommitmentView> {
      const activity = await repo.findActivityRow(db, activityId);
      if (!activity) throw new NotFoundError('Activity');
      if (!canWithdrawActivity(actor, activity))
        throw new ForbiddenError('Only the organisation that logged an activity withdraws it');
      await db.transaction().execute(async (trx) => {
        if (!(await repo.withdrawActivity(trx, activityId, actor.userId, clock())))
          throw new ConflictError('ALREADY_WITHDRAWN', 'The activity is already withdrawn');
        await recordAudit(trx, actor, {
          action: 'commitment.activity.withdraw',
          entityType: 'commitment',
          entityId: activity.commitment_id,
          summary: { before: { activityId, occurredOn: activity.occurred_on, placeId: activity.place_id } },
        });
      });
      return viewOf(actor, activity.commitment_id);
    },

    /**
     * Logs one activity for the actor's organisation and returns the commitment with its new
     * progress. Throws NOT_FOUND, FORBIDDEN (not an owner, or läsare), VALIDATION (date, place, personal data).
     */
    async log(actor: Actor, id: string, input: ActivityLog): Promise<CommitmentView> {
      const commitment = await one(id);
      if (
        !canLogFor(
          actor,
          commitment.owners.map((o) => o.id),
        )
      )
        throw new ForbiddenError('Only the owning organisations log activities for this commitment');
      const { problems, placeId } = checkActivity(input, activityTarget(commitment), {
        today: localDate(clock()),
        placeIdByCode: await placeIds(),
      });
      if (problems.length) {
        throw new ValidationError(
          'Invalid activity',
          problems.map((p) => ({ path: `body.${p.field}`, message: p.message, code: p.code })),
        );
      }
      await db.transaction().execute(async (trx) => {
        const [activityId] = await repo.insertActivities(trx, [
          {
            commitment_id: id,
            organisation_id: actor.organisationId,
            logged_by: actor.userId,
            occurred_on: input.occurredOn,
            place_id: placeId,
            participants: input.participants ?? null,
            duration_minutes: input.durationMinutes ?? null,
            note: input.note ?? '',
            evidence: input.evidence ?? null,
            source: 'form',
            created_at: clock(),
          },
        ]);
        await recordAudit(trx, actor, {
          action: 'commitment.activity.log',
          entityType: 'commitment',
          entityId: id,
          summary: { after: { activityId, occurredOn: input.occurredOn, placeCode: input.placeCode ?? null } },
        });
      });
      return viewOf(actor, id);
    },

    /**
     * Imports activities from CSV for commitments the actor's organisation owns. Throws as
     * `importActivities`.
     */
    async import(actor: Actor, input: ActivityImport): Promise<ImportResult> {
      return importActivities({ db, clock, gazetteer }, actor, input);
    },

    /**
     * Creates a commitment (plan activity or citizen promise) under an agreement. Throws NOT_FOUND
     * (agreement), FORBIDDEN (not a coordinator of a party), VALIDATION (codes, period, a weekly
     * target without places, PERSONAL_DATA), CODE_TAKEN (409).
     */
    async create(actor: Actor, input: CommitmentCreate): Promise<CommitmentView> {
      const agreement = await repo.findAgreementRow(db, input.agreementId);
      if (!agreement) throw new NotFoundError('Agreement');
      const parties = await repo.partiesOf(db, [agreement.id]);
      if (
        !canPlanFor(
          actor,
          parties.map((p) => p.id),
        )
      )
        throw new ForbiddenError('Only coordinators of the agreement parties plan commitments');
      const [owners, focus, places, taken] = await Promise.all([
        repo.findByCodes(db, 'organisations', input.ownerCodes),
        repo.findByCodes(db, 'focus_areas', [input.focusAreaCode]),
        repo.findByCodes(
          db,
          'places',
          input.places.map((p) => p.code),
        ),
        repo.findCommitmentCodes(db, [input.code]),
      ]);
      const plans = input.planId ? await repo.plansOf(db, [agreement.id]) : [];
      const problems = [
        ...unknownCodes(input.ownerCodes, owners, 'body.ownerCodes', 'UNKNOWN_ORGANISATION', 'organisation'),
        ...unknownCodes([input.focusAreaCode], focus, 'body.focusAreaCode', 'UNKNOWN_FOCUS_AREA', 'focus area'),
        ...unknownCodes(
          input.places.map((p) => p.code),
          places,
          'body.places',
          'UNKNOWN_PLACE',
          'place',
        ),
        ...(input.planId && !plans.some((p) => p.id === input.planId)
          ? [{ path: 'body.planId', message: 'not a plan of this agreement', code: 'UNKNOWN_PLAN' }]
          : []),
        ...commitmentProblems(input, agreement),
      ];
      if (problems.length) throw new ValidationError('Invalid commitment', problems);
      if (taken.length) throw new ConflictError('CODE_TAKEN', 'A commitment with this code exists');
      const id = await db.transaction().execute(async (trx) => {
        const commitmentId = await repo.insertCommitment(trx, {
          code: input.code,
          agreement_id: agreement.id,
          plan_id: input.planId ?? null,
          focus_area_id: focus[0]!.id,
          is_promise: input.isPromise,
          title: input.title,
          description: input.description,
          activity_label: input.activityLabel,
          target_kind: input.target.kind,
          target_count: input.target.count,
          period_start: input.periodStart,
          period_end: input.periodEnd,
        });
        await trx
          .insertInto('commitment_owners')
          .values(owners.map((o) => ({ commitment_id: commitmentId, organisation_id: o.id })))
          .execute();
        if (input.places.length) {
          await trx
            .insertInto('commitment_places')
            .values(
              input.places.map((p) => ({
                commitment_id: commitmentId,
                place_id: places.find((x) => x.code === p.code)!.id,
                active_from: p.from ?? null,
                active_to: p.to ?? null,
              })),
            )
            .execute();
        }
        await recordAudit(trx, actor, {
          action: 'commitment.create',
          entityType: 'commitment',
          entityId: commitmentId,
          summary: { after: input },
        });
        return commitmentId;
      });
      return viewOf(actor, id);
    },

    /**
     * Changes a commitment: title, description, what an activity is called, target, period, plan,
     * focus area, owners, places, and whether it is a citizen promise; only the fields sent. The
     * code and the agreement stay. Progress is not stored, so it follows at once from the logged
     * activities; follow-ups keep the snapshot they took (title and promise flag included). One
     * audit entry with what changed, none when nothing did. Throws NOT_FOUND, FORBIDDEN,
     * VALIDATION (codes, period, a weekly target without places, PERSONAL_DATA),
     * ACTIVITIES_OUTSIDE_PERIOD / ACTIVITIES_OUTSIDE_PLACES (409, see activitiesLeftOut).
     */
    async update(actor: Actor, id: string, input: CommitmentUpdate): Promise<CommitmentView> {
      const current = await one(id);
      const [owners, focus, places] = await Promise.all([
        input.ownerCodes ? repo.findByCodes(db, 'organisations', input.ownerCodes) : undefined,
        input.focusAreaCode ? repo.findByCodes(db, 'focus_areas', [input.focusAreaCode]) : undefined,
        input.places
          ? repo.findByCodes(
              db,
              'places',
              input.places.map((p) => p.code),
            )
          : undefined,
      ]);
      const agreementId = current.row.agreement_id;
      await db.transaction().execute(async (trx) => {
        // Agreement first, then commitment: the order every edit takes, so two edits never wait on each other in a circle.
        await repo.lockAgreement(trx, agreementId);
        await repo.lockCommitment(trx, id);
        const [loaded] = await loadCommitments(trx, { ids: [id] }, { asOf: clock() });
        const [agreement, parties, plans] = await Promise.all([
          repo.findAgreementRow(trx, agreementId),
          repo.partiesOf(trx, [agreementId]),
          repo.plansOf(trx, [agreementId]),
        ]);
        if (!loaded || !agreement) throw new NotFoundError('Commitment');
        if (
          !canPlanFor(
            actor,
            parties.map((p) => p.id),
          )
        )
          throw new ForbiddenError('Only coordinators of the agreement parties change commitments');
        const { row } = loaded;
        const placesOf = (list: { code: string; from?: string | null | undefined; to?: string | null | undefined }[]) =>
          list
            .map((p) => ({ code: p.code, from: p.from ?? null, to: p.to ?? null }))
            .sort((a, b) => a.code.localeCompare(b.code));
        const before = {
          planId: row.plan_id,
          focusAreaCode: row.focus_area_code,
          isPromise: row.is_promise,
          title: row.title,
          description: row.description,
          activityLabel: row.activity_label,
          target: { kind: row.target_kind, count: row.target_count },
          periodStart: row.period_start,
          periodEnd: row.period_end,
          ownerCodes: loaded.owners.map((o) => o.code).sort(),
          places: placesOf(loaded.places.map((p) => ({ code: p.code, from: p.active_from, to: p.active_to }))),
        };
        const { ownerCodes, places: placeInput, ...simple } = input;
        const after = {
          ...before,
          ...definedOf(simple),
          ...(ownerCodes ? { ownerCodes: [...new Set(ownerCodes)].sort() } : {}),
          ...(placeInput ? { places: placesOf(placeInput) } : {}),
        };
        // A deliverable is one thing to produce: its count is always one, as when it is created from the form.
        if (after.target.kind === 'deliverable') after.target = { kind: 'deliverable', count: 1 };
        const problems = [
          ...unknownCodes(input.ownerCodes, owners ?? [], 'body.ownerCodes', 'UNKNOWN_ORGANISATION', 'organisation'),
          ...unknownCodes(
            input.focusAreaCode ? [input.focusAreaCode] : [],
            focus ?? [],
            'body.focusAreaCode',
            'UNKNOWN_FOCUS_AREA',
            'focus area',
          ),
          ...unknownCodes(
            input.places?.map((p) => p.code),
            places ?? [],
            'body.places',
            'UNKNOWN_PLACE',
            'place',
          ),
          ...(after.planId && !plans.some((p) => p.id === after.planId)
            ? [{ path: 'body.planId', message: 'not a plan of this agreement', code: 'UNKNOWN_PLAN' }]
            : []),
          ...commitmentProblems(
            { ...after, title: input.title, description: input.description, activityLabel: input.activityLabel },
            agreement,
          ),
        ];
        if (problems.length) throw new ValidationError('Invalid commitment', problems);

        const change = diffSummary(before as Record<string, unknown>, after);
        if (Object.keys(change.after).length === 0) return;
        const leftOut = activitiesLeftOut(
          (await repo.liveActivitiesOf(trx, id)).map((a) => ({
            id: a.id,
            occurredOn: a.occurred_on,
            placeCode: a.place_code,
          })),
          {
            kind: before.target.kind,
            periodStart: before.periodStart,
            periodEnd: before.periodEnd,
            places: before.places,
          },
          { kind: after.target.kind, periodStart: after.periodStart, periodEnd: after.periodEnd, places: after.places },
        );
        const describe = (list: LoggedActivity[]) => ({
          count: list.length,
          activities: list.slice(0, 20).map((a) => ({ id: a.id, occurredOn: a.occurredOn, placeCode: a.placeCode })),
        });
        if (leftOut.outsidePeriod.length) {
          throw new ConflictError(
            'ACTIVITIES_OUTSIDE_PERIOD',
            `${leftOut.outsidePeriod.length} logged activities would fall outside the new period; withdraw them first or keep the period`,
            describe(leftOut.outsidePeriod),
          );
        }
        if (leftOut.outsidePlaces.length) {
          throw new ConflictError(
            'ACTIVITIES_OUTSIDE_PLACES',
            `${leftOut.outsidePlaces.length} logged activities are at places the change leaves out; end the place after them instead`,
            describe(leftOut.outsidePlaces),
          );
        }

        await repo.updateCommitment(trx, id, {
          plan_id: after.planId,
          is_promise: after.isPromise,
          title: after.title,
          description: after.description,
          activity_label: after.activityLabel,
          target_kind: after.target.kind,
          target_count: after.target.count,
          period_start: after.periodStart,
          period_end: after.periodEnd,
          ...(focus?.[0] ? { focus_area_id: focus[0].id } : {}),
          updated_at: clock(),
        });
        if (owners && 'ownerCodes' in change.after)
          await repo.replaceCommitmentOwners(
            trx,
            id,
            owners.map((o) => o.id),
          );
        if (places && 'places' in change.after) {
          const placeId = new Map(places.map((p) => [p.code, p.id]));
          await repo.replaceCommitmentPlaces(
            trx,
            id,
            after.places.map((p) => ({ placeId: placeId.get(p.code)!, from: p.from, to: p.to })),
          );
        }
        await recordAudit(trx, actor, {
          action: 'commitment.update',
          entityType: 'commitment',
          entityId: id,
          summary: change,
        });
      });
      return viewOf(actor, id);
    },
  };
}

/**
 * Rules a commitment meets however it was made or changed: its period in order and inside the
 * agreement's, places for a weekly target (the place is what is counted), and person-free texts
 * (only those sent are checked: stored texts were checked when they were written).
 */
function commitmentProblems(
  c: {
    periodStart: string;
    periodEnd: string;
    target: { kind: string };
    places: readonly unknown[];
    title?: string | undefined;
    description?: string | undefined;
    activityLabel?: string | undefined;
  },
  agreement: { period_start: string; period_end: string },
): FieldProblem[] {
  const order = periodOrderProblems({ start: c.periodStart, end: c.periodEnd });
  return [
    ...order,
    ...(order.length
      ? []
      : withinProblems(
          { start: c.periodStart, end: c.periodEnd },
          { start: agreement.period_start, end: agreement.period_end },
        )),
    ...(c.target.kind === 'recurring' && c.places.length === 0
      ? [{ path: 'body.places', message: 'a weekly target needs at least one place', code: 'PLACES_REQUIRED' }]
      : []),
  ];
}

export type CommitmentsService = ReturnType<typeof createCommitmentsService>;
