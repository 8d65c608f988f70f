import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { loadCommitments, type LoadedCommitment } from '../commitment-loader.ts';
import type { FollowUpsService } from '../follow-ups/follow-ups.service.ts';
import type { ProgressStatus } from '../../../../contracts/promises-progress.ts';
import type { FollowUpView } from '../../../../contracts/promises.ts';

/**
 * What anonymous visitors may see: citizen promises (never internal plan activities), their
 * computed progress, and published follow-ups. Mapped field by field so that nothing internal
 * (ids of users, notes, draft comments, places' internal ids) can leak.
 */
export interface PublicPromise {
  id: string;
  title: string;
  parties: string[];
  focusAreaCode: string;
  progress: { done: number; target: number; expectedByNow: number };
  status: ProgressStatus;
  description: string;
  focusAreaName: string;
  periodStart: string;
  periodEnd: string;
}

export interface PublicPromiseDetail extends PublicPromise {
  targetKind: string;
  places: {
    name: string;
    weeksInPeriod: number;
    weeksElapsed: number;
    weeksWithActivity: number;
    missedWeeks: string[];
  }[];
  terms: { term: string; done: number; target: number }[];
  deliveredOn: string | null;
}

export interface PublicFollowUp {
  id: string;
  title: string;
  asOf: string;
  publishedAt: string;
  items: {
    title: string;
    status: ProgressStatus;
    done: number;
    target: number;
    expectedByNow: number;
    comment: string;
  }[];
  socialText: string;
}

function toPublic(c: LoadedCommitment): PublicPromiseDetail {
  const p = c.progress;
  const placeNames = new Map(c.places.map((x) => [x.code, x.name]));
  return {
    id: c.row.id,
    title: c.row.title,
    parties: c.owners.map((o) => o.name),
    focusAreaCode: c.row.focus_area_code,
    progress: { done: p.done, target: p.target, expectedByNow: p.expectedByNow },
    status: p.status,
    description: c.row.description,
    focusAreaName: c.row.focus_area_name,
    periodStart: c.row.period_start,
    periodEnd: c.row.period_end,
    targetKind: c.row.target_kind,
    places:
      p.detail.kind === 'recurring'
        ? p.detail.places.map((x) => ({
            name: placeNames.get(x.placeCode) ?? x.placeCode,
            weeksInPeriod: x.weeksInPeriod,
            weeksElapsed: x.weeksElapsed,
            weeksWithActivity: x.weeksWithActivity,
            missedWeeks: x.missedWeeks,
          }))
        : [],
    terms: p.detail.kind === 'per-term' ? p.detail.terms : [],
    deliveredOn: p.detail.kind === 'deliverable' ? p.detail.deliveredOn : null,
  };
}

export function toPublicFollowUp(f: FollowUpView): PublicFollowUp {
  return {
    id: f.id,
    title: f.title,
    asOf: f.asOf,
    publishedAt: f.publishedAt ?? f.snapshotAt,
    items: f.items
      .filter((i) => i.isPromise)
      .map((i) => ({
        title: i.title,
        status: i.progress.status,
        done: i.progress.done,
        target: i.progress.target,
        expectedByNow: i.progress.expectedByNow,
        comment: i.comment,
      })),
    socialText: f.socialText,
  };
}

export function createPublicPromisesService({
  db,
  clock,
  followUps,
}: {
  db: Kysely<DB>;
  clock: () => Date;
  followUps: FollowUpsService;
}) {
  return {
    /** Every citizen promise with computed progress, newest period first (the contract's shape, extended). */
    async promises(): Promise<PublicPromise[]> {
      const loaded = await loadCommitments(db, { promisesOnly: true }, { asOf: clock() });
      return loaded.map((c) => {
        const { targetKind: _k, places: _p, terms: _t, deliveredOn: _d, ...summary } = toPublic(c);
        return summary;
      });
    },

    /** Promises with per-place and per-term detail, and published follow-ups, for the HTML page and the feed. */
    async page(
      publicUrl: string,
    ): Promise<{ promises: PublicPromiseDetail[]; followUps: PublicFollowUp[]; asOf: Date }> {
      const [loaded, published] = await Promise.all([
        loadCommitments(db, { promisesOnly: true }, { asOf: clock() }),
        followUps.published(publicUrl),
      ]);
      return { promises: loaded.map(toPublic), followUps: published.map(toPublicFollowUp), asOf: clock() };
    },
  };
}

export type PublicPromisesService = ReturnType<typeof createPublicPromisesService>;
