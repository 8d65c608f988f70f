import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { seedCameraSites } from '../../features/cameras/seed/seed-cameras.ts';
import { seedFundPack } from '../../features/fund/seed/seed-fund.ts';
import { seedPromises } from '../../features/promises/seed/seed-promises.ts';
import { loadSeedPack } from './seed-pack.ts';
import { seedReferenceData } from './seed-reference.ts';

/**
 * Everything a municipality's seed pack holds, applied on first start (each step is
 * idempotent): reference data first, then the features' own pack files. Start-up and the
 * test template both call this, so tests run on exactly what a new deployment gets.
 */
export async function seedPackData(
  db: Kysely<DB>,
  packName: string,
  log: (line: string) => void = () => {},
): Promise<void> {
  if (await seedReferenceData(db, loadSeedPack(packName))) log(`Seeded reference data from pack "${packName}".`);
  if ((await seedFundPack(db, packName)) > 0) log('Seeded the safety fund budgets.');
  if (await seedPromises(db, packName)) log('Seeded the collaboration agreement and citizen promises.');
  if ((await seedCameraSites(db, packName)) > 0) log('Seeded the known camera sites.');
}
