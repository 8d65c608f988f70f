import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { as, createTestContext, login, type Session, type TestContext } from '../../../../test/support/test-app.ts';
import { createOrganisation, createUser } from '../../../../test/support/factories.ts';
import { lattice, plantReports, SKOGAS } from './analysis.fixtures.ts';
import type { AnalysisRunView, HotspotsView } from '../../../contracts/analysis.ts';

const NOW = new Date('2026-11-18T10:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000 - 3_600_000);

let ctx: TestContext;
let reader: Session;
let other: Session;

beforeAll(async () => {
  // One worker and two analyses per user, so the limits show with a handful of runs.
  ctx = await createTestContext({
    now: NOW.toISOString(),
    env: { ANALYSIS_WORKERS: '1', ANALYSIS_RUNS_PER_USER: '2' },
  });
  const db = ctx.database.db;
  const org = await createOrganisation(db, 'housing');
  const [a, b] = await Promise.all([
    createUser(db, { role: 'lasare', organisationId: org.id }),
    createUser(db, { role: 'rapportor', organisationId: org.id }),
  ]);
  await plantReports(db, { id: a.id, organisationId: org.id }, [
    ...lattice(200, { minX: 666_000, minY: 6_561_000, maxX: 680_000, maxY: 6_574_000 }, (i) => daysAgo(1 + (i % 27))),
    ...Array.from({ length: 15 }, (_, i) => ({ x: SKOGAS.x + i, y: SKOGAS.y, occurredAt: daysAgo(1 + i) })),
  ]);
  [reader, other] = await Promise.all([login(ctx.app, a.email, a.password), login(ctx.app, b.email, b.password)]);
});
afterAll(() => ctx.close());

const del = (session: Session, id: string) =>
  ctx.app.inject({
    method: 'DELETE',
    url: `/api/analysis/runs/${id}`,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
  });

async function finished(session: Session, id: string): Promise<AnalysisRunView> {
  let view: AnalysisRunView | undefined;
  await vi.waitFor(
    async () => {
      view = (await as(ctx.app, session).get(`/api/analysis/runs/${id}`)).json() as AnalysisRunView;
      expect(['done', 'failed', 'cancelled']).toContain(view.status);
    },
    { timeout: 30_000, interval: 50 },
  );
  return view!;
}

/** Seconds of work on the one worker: the municipality at 50 m (53,000 cells) with 400 permutations. */
const slow = { kind: 'hotspots', query: { weeks: '4', cellSize: '50', permutations: '400' } };

describe('analysis runs', () => {
  it('runs in the background and answers what the plain endpoint answers', async () => {
    const query = { weeks: '4', cellSize: '250', permutations: '999', seed: '3' };
    const start = await as(ctx.app, reader).post('/api/analysis/runs', { kind: 'hotspots', query });
    expect(start.statusCode).toBe(202);
    const run = start.json() as AnalysisRunView;
    expect(run).toMatchObject({ kind: 'hotspots', status: 'queued', progress: 0, result: null });
    const done = await finished(reader, run.id);
    expect(done).toMatchObject({ status: 'done', progress: 1, error: null });
    const direct = (
      await as(ctx.app, reader).get('/api/analysis/hotspots?weeks=4&cellSize=250&permutations=999&seed=3')
    ).json() as HotspotsView;
    expect(done.result).toEqual(direct);
    // Only its owner sees a run.
    expect((await as(ctx.app, other).get(`/api/analysis/runs/${run.id}`)).statusCode).toBe(404);
    expect((await del(other, run.id)).statusCode).toBe(404);
  });

  it('lets the user cancel, and caps the analyses one user has under way', async () => {
    const first = (await as(ctx.app, reader).post('/api/analysis/runs', slow)).json() as AnalysisRunView;
    const second = (await as(ctx.app, reader).post('/api/analysis/runs', slow)).json() as AnalysisRunView;
    const third = await as(ctx.app, reader).post('/api/analysis/runs', slow);
    expect(third.statusCode).toBe(429);
    expect(third.json()).toMatchObject({ code: 'ANALYSIS_BUSY', details: { scope: 'user', limit: 2 } });
    // The GET endpoints count against the same limit.
    expect((await as(ctx.app, reader).get('/api/analysis/density?weeks=4')).statusCode).toBe(429);
    // Another user is not held up by it.
    const theirs = (
      await as(ctx.app, other).post('/api/analysis/runs', { kind: 'concentration', query: { weeks: '4' } })
    ).json() as AnalysisRunView;

    const cancelled = await del(reader, second.id);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    expect((await del(reader, first.id)).json()).toMatchObject({ status: 'cancelled' });
    expect((await finished(reader, first.id)).status).toBe('cancelled');
    expect((await finished(other, theirs.id)).status).toBe('done');
    // Cancelled runs free the user's places at once.
    await vi.waitFor(
      async () => expect((await as(ctx.app, reader).get('/api/analysis/density?weeks=4')).statusCode).toBe(200),
      { timeout: 10_000, interval: 50 },
    );
  });

  it('reports failures with the analysis code, and validates what is asked for', async () => {
    const run = (
      await as(ctx.app, reader).post('/api/analysis/runs', {
        kind: 'hotspots',
        query: { weeks: '4', categoryCodes: 'anlagd-brand' },
      })
    ).json() as AnalysisRunView;
    const failed = await finished(reader, run.id);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'TOO_FEW_EVENTS', details: { events: 0 } } });
    const bad = await as(ctx.app, reader).post('/api/analysis/runs', { kind: 'hotspots', query: { cellSize: '5' } });
    expect(bad.statusCode).toBe(400);
    expect((await as(ctx.app, reader).post('/api/analysis/runs', { kind: 'astrology', query: {} })).statusCode).toBe(
      400,
    );
    expect((await as(ctx.app, reader).get('/api/analysis/runs/not-a-uuid')).statusCode).toBe(400);
    expect((await as(ctx.app, reader).get(`/api/analysis/runs/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/analysis/runs', payload: slow })).statusCode).toBe(401);
  });
});
