import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { featureJobs } from '../../jobs.ts';
import { insertSession } from '../auth/session.repository.ts';
import { createMetrics } from '../observability/metrics.ts';
import { createOrganisation, createUser } from '../../../../test/support/factories.ts';
import { createTestContext, type TestContext } from '../../../../test/support/test-app.ts';
import { defineJob, type JobLog } from './job.ts';
import { createJobRunner, type JobRunner } from './job-runner.ts';

const quietLog: JobLog = { info() {}, warn() {}, error() {} };

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in ${ms} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the job runner', () => {
  let ctx: TestContext;
  let runner: JobRunner;
  const metrics = createMetrics();
  const seen: { name: string; payload: unknown; at: string }[] = [];
  let failuresLeft = 1;

  beforeAll(async () => {
    ctx = await createTestContext({ now: '2026-11-18T10:00:00Z' });
    const jobs = [
      ...featureJobs(ctx.app.services),
      defineJob({
        name: 'test.echo',
        payload: z.object({ word: z.string() }),
        async run(payload, { clock }) {
          seen.push({ name: 'test.echo', payload, at: clock().toISOString() });
          return { length: payload.word.length };
        },
      }),
      defineJob({
        name: 'test.flaky',
        retryLimit: 1,
        retryDelaySeconds: 0,
        async run() {
          seen.push({ name: 'test.flaky', payload: null, at: '' });
          if (failuresLeft-- > 0) throw new Error('first attempt fails');
        },
      }),
    ];
    runner = createJobRunner({
      database: ctx.database,
      jobs,
      metrics,
      log: quietLog,
      clock: () => ctx.clock.now,
      pollingIntervalSeconds: 0.5,
    });
    await runner.start();
  });

  afterAll(async () => {
    await runner?.stop(2_000);
    await ctx?.close();
  });

  const runs = (job: string, outcome: string) =>
    metrics.jobRuns
      .get()
      .then((m) => m.values.find((v) => v.labels.job === job && v.labels.outcome === outcome)?.value ?? 0);

  it('runs a sent job once, with its validated payload and the injected clock', async () => {
    expect(await runner.send('test.echo', { word: 'hej' })).toEqual(expect.any(String));
    await eventually(
      () => runs('test.echo', 'completed'),
      (n) => n === 1,
    );
    expect(seen.filter((s) => s.name === 'test.echo')).toEqual([
      { name: 'test.echo', payload: { word: 'hej' }, at: '2026-11-18T10:00:00.000Z' },
    ]);
  });

  it('fails a job whose payload breaks its schema, and counts it', async () => {
    await runner.send('test.echo', { word: 42 });
    await eventually(
      () => runs('test.echo', 'failed'),
      (n) => n >= 1,
    );
    expect(seen.filter((s) => s.name === 'test.echo')).toHaveLength(1);
  });

  it('retries a failed job', async () => {
    await runner.send('test.flaky');
    await eventually(
      () => runs('test.flaky', 'completed'),
      (n) => n === 1,
    );
    expect(await runs('test.flaky', 'failed')).toBe(1);
    expect(seen.filter((s) => s.name === 'test.flaky')).toHaveLength(2);
  });

  it('holds a job until its start time', async () => {
    const later = new Date(Date.now() + 3_600_000);
    const id = await runner.send('test.echo', { word: 'later' }, { startAfter: later });
    const row = await sql<{ state: string; start_after: Date }>`
      select state, start_after from pgboss.job where id = ${id}`.execute(ctx.database.db);
    expect(row.rows[0]).toEqual({ state: 'created', start_after: later });
  });

  it('schedules the session purge in Swedish time, and the purge deletes expired sessions only', async () => {
    const schedules = await sql<{ name: string; cron: string; timezone: string }>`
      select name, cron, timezone from pgboss.schedule order by name`.execute(ctx.database.db);
    expect(schedules.rows).toEqual([
      { name: 'auth.purge-expired-sessions', cron: '*/15 * * * *', timezone: 'Europe/Stockholm' },
      { name: 'retention.run', cron: '30 2 * * *', timezone: 'Europe/Stockholm' },
    ]);

    const org = await createOrganisation(ctx.database.db);
    const user = await createUser(ctx.database.db, { role: 'rapportor', organisationId: org.id });
    const now = ctx.clock.now.getTime();
    const session = (id: string, offsetMs: number) =>
      insertSession(ctx.database.db, { id, userId: user.id, csrfToken: 'c', expiresAt: new Date(now + offsetMs) });
    await session('expired-long-ago', -86_400_000);
    await session('expired-just-now', 0);
    await session('still-live', 60_000);

    await runner.send('auth.purge-expired-sessions');
    await eventually(
      () => runs('auth.purge-expired-sessions', 'completed'),
      (n) => n === 1,
    );
    const left = await ctx.database.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
    expect(left.map((row) => row.id)).toEqual(['still-live']);
  });
});
