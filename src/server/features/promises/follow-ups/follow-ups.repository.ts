import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Progress } from '../../../../contracts/promises-progress.ts';

export function findFollowUpRow(db: Kysely<DB>, id: string) {
  return db.selectFrom('follow_ups').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listFollowUpRows(db: Kysely<DB>, filter: { agreementId?: string; publishedOnly?: boolean }) {
  let query = db.selectFrom('follow_ups').selectAll();
  if (filter.agreementId) query = query.where('agreement_id', '=', filter.agreementId);
  if (filter.publishedOnly) query = query.where('status', '=', 'published');
  return query.orderBy('as_of', 'desc').execute();
}

export function itemsOf(db: Kysely<DB>, followUpIds: string[]) {
  if (followUpIds.length === 0) return Promise.resolve([]);
  return (
    db
      .selectFrom('follow_up_items as i')
      .innerJoin('commitments as c', 'c.id', 'i.commitment_id')
      .innerJoin('focus_areas as f', 'f.id', 'c.focus_area_id')
      // Title and promise flag as frozen with the snapshot: editing a commitment never rewrites a follow-up.
      .select([
        'i.follow_up_id',
        'i.commitment_id',
        'i.progress',
        'i.comment',
        'i.title',
        'i.is_promise',
        'c.activity_label',
        'f.code as focus_area_code',
      ])
      .where('i.follow_up_id', 'in', followUpIds)
      .orderBy('f.sort_order')
      .orderBy('c.code')
      .execute()
  );
}

export function approvalsOf(db: Kysely<DB>, followUpIds: string[]) {
  if (followUpIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('follow_up_approvals as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .select(['a.follow_up_id', 'a.organisation_id', 'a.approved_at', 'o.code', 'o.name'])
    .where('a.follow_up_id', 'in', followUpIds)
    .orderBy('a.approved_at')
    .execute();
}

export async function insertFollowUp(
  db: Kysely<DB>,
  values: { agreementId: string; asOf: string; title: string; snapshotAt: Date; createdBy: string },
  items: { commitmentId: string; title: string; isPromise: boolean; progress: Progress }[],
): Promise<string> {
  const row = await db
    .insertInto('follow_ups')
    .values({
      agreement_id: values.agreementId,
      as_of: values.asOf,
      title: values.title,
      snapshot_at: values.snapshotAt,
      created_by: values.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (items.length) {
    await db
      .insertInto('follow_up_items')
      .values(
        items.map((i) => ({
          follow_up_id: row.id,
          commitment_id: i.commitmentId,
          title: i.title,
          is_promise: i.isPromise,
          progress: JSON.stringify(i.progress),
        })),
      )
      .execute();
  }
  return row.id;
}

/** Sets a comment on a draft; returns false when the follow-up is no longer a draft or the item is missing. */
export async function updateComment(
  db: Kysely<DB>,
  followUpId: string,
  commitmentId: string,
  comment: string,
): Promise<boolean> {
  const result = await db
    .updateTable('follow_up_items')
    .set({ comment })
    .where('follow_up_id', '=', followUpId)
    .where('commitment_id', '=', commitmentId)
    .where((eb) =>
      eb.exists(eb.selectFrom('follow_ups').select('id').where('id', '=', followUpId).where('status', '=', 'draft')),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function deleteApprovals(db: Kysely<DB>, followUpId: string) {
  return db.deleteFrom('follow_up_approvals').where('follow_up_id', '=', followUpId).execute();
}

export function insertApproval(
  db: Kysely<DB>,
  values: { followUpId: string; organisationId: string; userId: string; at: Date },
) {
  return db
    .insertInto('follow_up_approvals')
    .values({
      follow_up_id: values.followUpId,
      organisation_id: values.organisationId,
      approved_by: values.userId,
      approved_at: values.at,
    })
    .onConflict((oc) => oc.columns(['follow_up_id', 'organisation_id']).doNothing())
    .execute();
}

/** Publishes a draft; false when it was not a draft any more. */
export async function publish(db: Kysely<DB>, followUpId: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('follow_ups')
    .set({ status: 'published', published_at: at })
    .where('id', '=', followUpId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Follow-ups of an agreement dated outside [start, end]. */
export function listOutside(db: Kysely<DB>, agreementId: string, start: string, end: string) {
  return db
    .selectFrom('follow_ups')
    .select(['id', 'title', 'as_of', 'status'])
    .where('agreement_id', '=', agreementId)
    .where((eb) => eb.or([eb('as_of', '<', start), eb('as_of', '>', end)]))
    .orderBy('as_of')
    .execute();
}
