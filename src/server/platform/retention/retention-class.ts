import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { RetentionAction } from './retention.tables.ts';

export interface RetentionScope {
  /** Records created (or last active) before this instant are due. */
  cutoff: Date;
  /** Ids under an active legal hold in this class: never touched. */
  held: readonly string[];
}

/**
 * A kind of record that the information management plan gives a retention period. Features
 * define theirs in `<feature>.retention.ts` (SQL stays with the feature) and list them in
 * src/server/retention.ts; the seed pack's `retention.json` says which action applies after how long.
 */
export interface RetentionClass {
  /** Dotted, feature first: `reports.free-text`. The key in retention.json and in legal holds. */
  name: string;
  /** For the archivist's report, in Swedish: what is kept and what goes. */
  description: string;
  /** What this class can do; retention.json must pick one of them. */
  actions: readonly RetentionAction[];
  /** How many records are due (not held). The dry run. */
  countDue(db: Kysely<DB>, scope: RetentionScope): Promise<number>;
  /** Anonymises or deletes the due records; returns how many. Runs inside the run's transaction. */
  apply(db: Kysely<DB>, scope: RetentionScope, now: Date): Promise<number>;
}
