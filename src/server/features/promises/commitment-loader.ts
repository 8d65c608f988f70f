import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Progress } from '../../../contracts/promises-progress.ts';
import { computeProgress } from './progress/progress.ts';
import type { ActivityTarget } from './activities/activity-rules.ts';
import type { CommitmentView } from '../../../contracts/promises.ts';
import * as repo from './promises.repository.ts';

export interface LoadedCommitment {
  row: repo.CommitmentRow;
  owners: Awaited<ReturnType<typeof repo.ownersOf>>;
  places: Awaited<ReturnType<typeof repo.placesOf>>;
  progress: Progress;
}

/**
 * Commitments with their owners, places and progress computed from the logged activities as of
 * `asOf`; with `knownAt`, only what had been logged by then (a follow-up's frozen snapshot).
 */
export async function loadCommitments(
  db: Kysely<DB>,
  filter: repo.CommitmentFilter,
  when: { asOf: Date; knownAt?: Date },
): Promise<LoadedCommitment[]> {
  const rows = await repo.listCommitmentRows(db, filter);
  const ids = rows.map((r) => r.id);
  const [owners, places, facts] = await Promise.all([
    repo.ownersOf(db, ids),
    repo.placesOf(db, ids),
    repo.activityFactsOf(db, ids),
  ]);
  return rows.map((row) => {
    const myPlaces = places.filter((p) => p.commitment_id === row.id);
    const progress = computeProgress(
      {
        target: { kind: row.target_kind, count: row.target_count },
        periodStart: row.period_start,
        periodEnd: row.period_end,
        places: myPlaces.map((p) => ({ code: p.code, from: p.active_from, to: p.active_to })),
      },
      facts
        .filter((f) => f.commitment_id === row.id)
        .map((f) => ({
          occurredOn: f.occurred_on,
          placeCode: f.place_code,
          loggedAt: f.created_at,
          evidence: f.evidence,
        })),
      when,
    );
    return { row, owners: owners.filter((o) => o.commitment_id === row.id), places: myPlaces, progress };
  });
}

export function toCommitmentView(
  c: LoadedCommitment,
  viewerOrganisationId: string | null,
  canLog: boolean,
  canEdit = false,
): CommitmentView {
  const { row } = c;
  return {
    id: row.id,
    code: row.code,
    agreementId: row.agreement_id,
    planId: row.plan_id,
    title: row.title,
    description: row.description,
    focusAreaCode: row.focus_area_code,
    focusAreaName: row.focus_area_name,
    isPromise: row.is_promise,
    activityLabel: row.activity_label,
    target: { kind: row.target_kind, count: row.target_count },
    periodStart: row.period_start,
    periodEnd: row.period_end,
    owners: c.owners.map((o) => ({ code: o.code, name: o.name, kind: o.kind })),
    places: c.places.map((p) => ({ code: p.code, name: p.name, from: p.active_from, to: p.active_to })),
    progress: c.progress,
    canLog: canLog && viewerOrganisationId !== null,
    canEdit,
  };
}

/** What an activity logged against the commitment is checked against. */
export const activityTarget = (c: LoadedCommitment): ActivityTarget => ({
  kind: c.row.target_kind,
  periodStart: c.row.period_start,
  periodEnd: c.row.period_end,
  places: c.places.map((p) => ({ id: p.id, code: p.code, from: p.active_from, to: p.active_to })),
});
