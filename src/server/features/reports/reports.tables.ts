import type { Generated, GeneratedTimestamp, Timestamp } from '../../db/schema.ts';
import type { ReportSeverity, ReportStatus, ReportTarget, ReportVisibility } from '../../../contracts/reports.ts';

// The value sets are declared once, in the contract the API validates against.
export type { ReportSeverity, ReportStatus, ReportTarget, ReportVisibility };

export interface ReportsTable {
  id: Generated<string>;
  number: Generated<number>;
  category_id: string;
  organisation_id: string;
  author_id: string;
  occurred_at: Timestamp;
  occurred_until: Timestamp | null;
  lat: number;
  lon: number;
  x: number;
  y: number;
  area_id: string;
  place_id: string | null;
  target: ReportTarget;
  description: string;
  /** When retention erased the free text (description, review note); null while it is kept. */
  text_erased_at: Generated<Date | null>;
  severity: ReportSeverity;
  visibility: ReportVisibility;
  status: Generated<ReportStatus>;
  review_note: string | null;
  reviewed_at: Timestamp | null;
  reviewed_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface ReportTables {
  reports: ReportsTable;
}
