import { DateTime } from 'luxon';
import type { Kysely } from 'kysely';
import { ZONE } from '../../../../contracts/iso-week.ts';
import type { DB } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../platform/errors.ts';
import { loadCommitments } from '../commitment-loader.ts';
import { localDate } from '../progress/calendar.ts';
import { APPROVING_KINDS, canApproveFor, canPlanFor, canSeeDrafts } from '../promises.policy.ts';
import type { FollowUpView } from '../../../../contracts/promises.ts';
import * as agreementsRepo from '../promises.repository.ts';
import { formatDateSv } from '../public/labels.ts';
import { socialText } from '../public/social-text.ts';
import * as repo from './follow-ups.repository.ts';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findFollowUpRow>>>;

/** End of a calendar day in Swedish time: a follow-up "as of 30 April" includes all of 30 April. */
const endOfDay = (date: string) => DateTime.fromISO(date, { zone: ZONE }).endOf('day').toJSDate();

export function createFollowUpsService({ db, clock }: { db: Kysely<DB>; clock: () => Date }) {
  async function parties(agreementId: string) {
    return agreementsRepo.partiesOf(db, [agreementId]);
  }
  const approvers = (all: Awaited<ReturnType<typeof parties>>) =>
    all.filter((p) => (APPROVING_KINDS as readonly string[]).includes(p.kind));

  /** Follow-up views for rows of one agreement; `publicUrl` goes into the social-media text. */
  async function views(rows: Row[], publicUrl: string): Promise<FollowUpView[]> {
    const ids = rows.map((r) => r.id);
    const [items, approvals] = await Promise.all([repo.itemsOf(db, ids), repo.approvalsOf(db, ids)]);
    const partyCache = new Map<string, Awaited<ReturnType<typeof parties>>>();
    const result: FollowUpView[] = [];
    for (const r of rows) {
      if (!partyCache.has(r.agreement_id)) partyCache.set(r.agreement_id, await parties(r.agreement_id));
      const mine = items.filter((i) => i.follow_up_id === r.id);
      const approved = approvals.filter((a) => a.follow_up_id === r.id);
      const viewItems = mine.map((i) => ({
        commitmentId: i.commitment_id,
        title: i.title,
        isPromise: i.is_promise,
        progress: i.progress,
        comment: i.comment,
      }));
      result.push({
        id: r.id,
        agreementId: r.agreement_id,
        asOf: r.as_of,
        title: r.title,
        status: r.status,
        snapshotAt: r.snapshot_at.toISOString(),
        publishedAt: r.published_at?.toISOString() ?? null,
        approvals: approved.map((a) => ({
          organisationCode: a.code,
          organisationName: a.name,
          approvedAt: a.approved_at.toISOString(),
        })),
        awaiting: approvers(partyCache.get(r.agreement_id)!)
          .filter((p) => !approved.some((a) => a.organisation_id === p.id))
          .map((p) => ({ code: p.code, name: p.name, kind: p.kind })),
        items: viewItems,
        socialText: socialText({ asOf: r.as_of, items: viewItems, url: publicUrl }),
      });
    }
    return result;
  }

  async function visibleOr404(actor: Actor, id: string): Promise<{ row: Row; partyIds: string[] }> {
    const row = await repo.findFollowUpRow(db, id);
    if (!row) throw new NotFoundError('Follow-up');
    const partyIds = (await parties(row.agreement_id)).map((p) => p.id);
    if (row.status === 'draft' && !canSeeDrafts(actor, partyIds)) throw new NotFoundError('Follow-up');
    return { row, partyIds };
  }

  return {
    /**
     * Freezes a snapshot of every commitment of the year as of one of the agreement's follow-up
     * dates. Throws NOT_FOUND, FORBIDDEN, VALIDATION (not a follow-up date, in the future), FOLLOW_UP_EXISTS (409).
     */
    async create(actor: Actor, agreementId: string, asOf: string, publicUrl: string): Promise<FollowUpView> {
      const agreement = await agreementsRepo.findAgreementRow(db, agreementId);
      if (!agreement) throw new NotFoundError('Agreement');
      if (
        !canPlanFor(
          actor,
          (await parties(agreementId)).map((p) => p.id),
        )
      )
        throw new ForbiddenError('Only coordinators of the agreement parties prepare follow-ups');
      const problems = [
        ...(agreement.follow_up_dates.includes(asOf.slice(5))
          ? []
          : [
              {
                path: 'body.asOf',
                message: `follow-up dates are ${agreement.follow_up_dates.join(', ')}`,
                code: 'NOT_A_FOLLOW_UP_DATE',
              },
            ]),
        ...(asOf > localDate(clock())
          ? [{ path: 'body.asOf', message: 'must not be in the future', code: 'IN_FUTURE' }]
          : []),
        ...(asOf < agreement.period_start || asOf > agreement.period_end
          ? [{ path: 'body.asOf', message: 'must lie within the agreement period', code: 'OUTSIDE_PERIOD' }]
          : []),
      ];
      if (problems.length) throw new ValidationError('Invalid follow-up date', problems);
      const existing = await repo.listFollowUpRows(db, { agreementId });
      if (existing.some((f) => f.as_of === asOf))
        throw new ConflictError('FOLLOW_UP_EXISTS', 'There is a follow-up for this date');

      const snapshotAt = clock();
      const commitments = await loadCommitments(
        db,
        { agreementId, year: Number(asOf.slice(0, 4)) },
        { asOf: endOfDay(asOf), knownAt: snapshotAt },
      );
      const id = await db.transaction().execute(async (trx) => {
        const followUpId = await repo.insertFollowUp(
          trx,
          { agreementId, asOf, title: `Uppföljning ${formatDateSv(asOf)}`, snapshotAt, createdBy: actor.userId },
          commitments.map((c) => ({
            commitmentId: c.row.id,
            title: c.row.title,
            isPromise: c.row.is_promise,
            progress: c.progress,
          })),
        );
        await recordAudit(trx, actor, {
          action: 'follow-up.create',
          entityType: 'follow_up',
          entityId: followUpId,
          summary: { after: { agreementId, asOf, commitments: commitments.length } },
        });
        return followUpId;
      });
      return (await views([(await repo.findFollowUpRow(db, id))!], publicUrl))[0]!;
    },

    /** Follow-ups of an agreement: published ones for everyone, drafts for the parties and coordinators. */
    async list(actor: Actor, agreementId: string, publicUrl: string): Promise<FollowUpView[]> {
      const partyIds = (await parties(agreementId)).map((p) => p.id);
      const rows = await repo.listFollowUpRows(db, { agreementId, publishedOnly: !canSeeDrafts(actor, partyIds) });
      return views(rows, publicUrl);
    },

    /** One follow-up. Throws NOT_FOUND (also for a draft the actor may not see). */
    async get(actor: Actor, id: string, publicUrl: string): Promise<FollowUpView> {
      const { row } = await visibleOr404(actor, id);
      return (await views([row], publicUrl))[0]!;
    },

    /**
     * Comments one commitment in a draft. A changed text withdraws earlier approvals: they were
     * given for other words. Throws NOT_FOUND, FORBIDDEN, FOLLOW_UP_PUBLISHED (409).
     */
    async comment(
      actor: Actor,
      id: string,
      commitmentId: string,
      comment: string,
      publicUrl: string,
    ): Promise<FollowUpView> {
      const { row, partyIds } = await visibleOr404(actor, id);
      if (!canPlanFor(actor, partyIds))
        throw new ForbiddenError('Only coordinators of the agreement parties comment follow-ups');
      if (row.status !== 'draft') throw new ConflictError('FOLLOW_UP_PUBLISHED', 'A published follow-up cannot change');
      await db.transaction().execute(async (trx) => {
        const before = (await repo.itemsOf(trx, [id])).find((i) => i.commitment_id === commitmentId);
        if (!before) throw new NotFoundError('Follow-up item');
        if (!(await repo.updateComment(trx, id, commitmentId, comment)))
          throw new ConflictError('FOLLOW_UP_PUBLISHED', 'The follow-up was published meanwhile');
        const withdrawn = before.comment !== comment ? await repo.approvalsOf(trx, [id]) : [];
        if (withdrawn.length) await repo.deleteApprovals(trx, id);
        await recordAudit(trx, actor, {
          action: 'follow-up.comment',
          entityType: 'follow_up',
          entityId: id,
          summary: {
            commitmentId,
            before: { comment: before.comment },
            after: { comment },
            approvalsWithdrawn: withdrawn.map((a) => a.code),
          },
        });
      });
      return this.get(actor, id, publicUrl);
    },

    /**
     * Approves a draft for the actor's organisation; publishes it once every police and
     * municipality party has approved. Throws NOT_FOUND, FORBIDDEN, FOLLOW_UP_PUBLISHED (409).
     */
    async approve(actor: Actor, id: string, publicUrl: string): Promise<FollowUpView> {
      const { row } = await visibleOr404(actor, id);
      const all = await parties(row.agreement_id);
      const party = all.find((p) => p.id === actor.organisationId);
      if (!party || !canApproveFor(actor, party))
        throw new ForbiddenError('Only a coordinator of the police or the municipality approves follow-ups');
      if (row.status !== 'draft') throw new ConflictError('FOLLOW_UP_PUBLISHED', 'The follow-up is already published');
      await db.transaction().execute(async (trx) => {
        const now = clock();
        await repo.insertApproval(trx, { followUpId: id, organisationId: party.id, userId: actor.userId, at: now });
        await recordAudit(trx, actor, {
          action: 'follow-up.approve',
          entityType: 'follow_up',
          entityId: id,
          summary: { organisation: party.code },
        });
        const approved = new Set((await repo.approvalsOf(trx, [id])).map((a) => a.organisation_id));
        const needed = approvers(all);
        if (needed.length > 0 && needed.every((p) => approved.has(p.id)) && (await repo.publish(trx, id, now))) {
          await recordAudit(trx, actor, {
            action: 'follow-up.publish',
            entityType: 'follow_up',
            entityId: id,
            summary: { approvedBy: needed.map((p) => p.code) },
          });
        }
      });
      return this.get(actor, id, publicUrl);
    },

    /** Published follow-ups of every agreement, newest first, for the public page and feed. */
    async published(publicUrl: string): Promise<FollowUpView[]> {
      return views(await repo.listFollowUpRows(db, { publishedOnly: true }), publicUrl);
    },
  };
}

export type FollowUpsService = ReturnType<typeof createFollowUpsService>;
