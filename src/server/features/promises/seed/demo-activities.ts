import { DateTime } from 'luxon';
import type { Kysely } from 'kysely';
import { ZONE } from '../../../../contracts/iso-week.ts';
import type { DB, Insertable } from '../../../db/schema.ts';
import { loadCommitments } from '../commitment-loader.ts';
import { localDate, termsInSpan, weekDates, weeksInSpan } from '../progress/calendar.ts';
import * as followUpsRepo from '../follow-ups/follow-ups.repository.ts';
import { formatDateSv } from '../public/labels.ts';
import type { CommitmentActivitiesTable } from '../promises.tables.ts';

/** Deterministic pseudo-random numbers (mulberry32), so every demo database looks the same. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const plusDays = (date: string, days: number) => DateTime.fromISO(date, { zone: ZONE }).plus({ days }).toISODate()!;

/** How much of each seeded commitment the demo pretends was done, roughly what real follow-ups report. */
const SHARE_DONE: Record<string, number> = {
  trygghetsdialoger: 0.8,
  avhopparverksamhet: 1,
  'andts-forelasningar': 1,
  krogtillsyn: 0.7,
  'doping-gym': 0.67,
  kontaktforbud: 1,
  trygghetsvandringar: 0.75,
};

/**
 * Example activity logs for the seeded commitments (demo data set only): weekly patrols with a
 * few missed weeks, school meetings, dialogues, supervisory visits, the information material,
 * and the published follow-ups of 2024. Logged by the demo police officer and coordinator.
 */
export async function seedDemoActivities(db: Kysely<DB>, options: { now: Date }): Promise<number> {
  const users = await db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.email', 'o.id as organisation_id', 'o.code'])
    .where('u.email', 'in', ['demo.polis@demo.samtrygg.local', 'demo.samordnare@demo.samtrygg.local'])
    .execute();
  const police = users.find((u) => u.code === 'polisen-huddinge');
  const municipality = users.find((u) => u.code === 'huddinge-kommun');
  if (!police || !municipality) return 0;
  const today = localDate(options.now);
  const rng = random(2324);
  const commitments = await loadCommitments(db, {}, { asOf: options.now });
  const rows: Insertable<CommitmentActivitiesTable>[] = [];
  const add = (
    c: (typeof commitments)[number],
    occurredOn: string,
    extra: Partial<Insertable<CommitmentActivitiesTable>> = {},
  ) => {
    if (occurredOn > today || occurredOn < c.row.period_start || occurredOn > c.row.period_end) return;
    const byPolice = c.owners.some((o) => o.id === police.organisation_id) && (c.owners.length === 1 || rng() < 0.5);
    const who = byPolice ? police : municipality;
    // Most are logged the same day; some a week or two late, as happens.
    const lag = rng() < 0.15 ? Math.floor(rng() * 14) + 1 : 0;
    const loggedOn = plusDays(occurredOn, lag) > today ? today : plusDays(occurredOn, lag);
    rows.push({
      commitment_id: c.row.id,
      organisation_id: who.organisation_id,
      logged_by: who.id,
      occurred_on: occurredOn,
      place_id: null,
      participants: 2,
      duration_minutes: null,
      note: '',
      evidence: null,
      source: 'demo',
      created_at: DateTime.fromISO(loggedOn, { zone: ZONE }).set({ hour: 16 }).toJSDate(),
      ...extra,
    });
  };
  for (const c of commitments) {
    const key = c.row.code.replace(/^\d{4}-/, '');
    const { period_start: from, period_end: to } = c.row;
    const span = DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days;
    if (c.row.target_kind === 'recurring') {
      for (const place of c.places) {
        for (const week of weeksInSpan(from, to)) {
          if (rng() < 0.07) continue; // a missed week now and then: holidays, major incidents
          add(c, plusDays(weekDates(week).monday, Math.floor(rng() * 7)), {
            place_id: place.id,
            participants: rng() < 0.7 ? 2 : 3,
            duration_minutes: 15,
          });
        }
      }
    } else if (c.row.target_kind === 'per-term') {
      for (const term of termsInSpan(from, to)) {
        const meetings = rng() < 0.8 ? c.row.target_count : c.row.target_count - 1;
        for (let i = 0; i < meetings; i += 1)
          add(c, plusDays(term.from, 20 + Math.floor(rng() * 140)), { participants: 2, duration_minutes: 60 });
      }
    } else if (c.row.target_kind === 'deliverable') {
      if (c.row.period_start.startsWith('2024'))
        add(c, plusDays(from, 260), { evidence: 'Broschyr och webbsida om våld i nära relationer, på sex språk' });
    } else {
      const count = Math.round(c.row.target_count * (SHARE_DONE[key] ?? 0.8));
      for (let i = 0; i < count; i += 1)
        add(c, plusDays(from, Math.floor(((i + rng()) / count) * span)), { participants: 2, duration_minutes: 90 });
    }
  }
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('commitment_activities')
      .values(rows.slice(i, i + 500))
      .execute();

  // The 2024 follow-ups, approved by both parties and published a few days after each date.
  for (const agreement of await db.selectFrom('agreements').select(['id', 'follow_up_dates']).execute()) {
    for (const monthDay of agreement.follow_up_dates) {
      const asOf = `2024-${monthDay}`;
      const publishedAt = DateTime.fromISO(asOf, { zone: ZONE }).plus({ days: 10 }).set({ hour: 10 }).toJSDate();
      if (publishedAt > options.now) continue;
      const snapshot = await loadCommitments(
        db,
        { agreementId: agreement.id, year: 2024 },
        { asOf: DateTime.fromISO(asOf, { zone: ZONE }).endOf('day').toJSDate(), knownAt: publishedAt },
      );
      const id = await followUpsRepo.insertFollowUp(
        db,
        {
          agreementId: agreement.id,
          asOf,
          title: `Uppföljning ${formatDateSv(asOf)}`,
          snapshotAt: publishedAt,
          createdBy: municipality.id,
        },
        snapshot.map((c) => ({
          commitmentId: c.row.id,
          title: c.row.title,
          isPromise: c.row.is_promise,
          progress: c.progress,
        })),
      );
      for (const approver of [police, municipality]) {
        await followUpsRepo.insertApproval(db, {
          followUpId: id,
          organisationId: approver.organisation_id,
          userId: approver.id,
          at: publishedAt,
        });
      }
      await followUpsRepo.publish(db, id, publishedAt);
    }
  }
  return rows.length;
}
