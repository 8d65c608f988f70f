import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../../test/support/test-app.ts';
import { seedCameraSites } from './seed-cameras.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const seededCount = async () =>
  Number(
    (
      await ctx.database.db
        .selectFrom('camera_sites')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('seed_code', 'is not', null)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('seeding the known camera sites', () => {
  it('has seeded Huddinge once, and seeding again adds nothing', async () => {
    expect(await seededCount()).toBe(3);
    expect(await seedCameraSites(ctx.database.db, 'huddinge')).toBe(0);
    expect(await seededCount()).toBe(3);
  });

  it('adds a new site from a pack once, at its place, and leaves edits alone', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'camera-pack-'));
    await mkdir(path.join(dir, 'test-pack'));
    const pack = {
      organisationCode: 'huddinge-kommun',
      sites: [
        {
          code: 'masmo-test',
          name: 'Masmo tunnelbana',
          placeCode: 'masmo',
          approximate: false,
          positionNote: 'SL:s hållplatsläge.',
          purpose: 'Test.',
        },
      ],
    };
    await writeFile(path.join(dir, 'test-pack', 'cameras.json'), JSON.stringify(pack));
    expect(await seedCameraSites(ctx.database.db, 'test-pack', dir)).toBe(1);
    const site = await ctx.database.db
      .selectFrom('camera_sites')
      .select(['id', 'lat', 'lon', 'status'])
      .where('seed_code', '=', 'masmo-test')
      .executeTakeFirstOrThrow();
    expect(site).toMatchObject({ lat: 59.249727, lon: 17.878969, status: 'assessing' });
    await ctx.database.db
      .updateTable('camera_sites')
      .set({ name: 'Masmo, ändrad' })
      .where('id', '=', site.id)
      .execute();
    expect(await seedCameraSites(ctx.database.db, 'test-pack', dir)).toBe(0);
    const after = await ctx.database.db
      .selectFrom('camera_sites')
      .select('name')
      .where('id', '=', site.id)
      .executeTakeFirstOrThrow();
    expect(after.name).toBe('Masmo, ändrad');
    expect(await seedCameraSites(ctx.database.db, 'no-such-pack', dir)).toBe(0);
  });
});
