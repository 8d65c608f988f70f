import type { Generated, Json, Timestamp } from '../../db/schema.ts';

export interface LegalHoldsTable {
  id: Generated<string>;
  record_class: string;
  record_id: string;
  reason: string;
  placed_by: string;
  placed_at: Timestamp;
  released_by: string | null;
  released_at: Timestamp | null;
}

export interface RetentionRunsTable {
  id: Generated<string>;
  started_at: Timestamp;
  finished_at: Timestamp;
  results: Json<RetentionResult[]>;
}

export interface RetentionResult {
  recordClass: string;
  action: RetentionAction;
  cutoff: string;
  count: number;
  held: number;
}

export type RetentionAction = 'anonymise' | 'delete';

export interface RetentionTables {
  legal_holds: LegalHoldsTable;
  retention_runs: RetentionRunsTable;
}
