import type { Generated, GeneratedTimestamp, Json, Timestamp } from '../../db/schema.ts';
import type { AssessmentLevel, PictureSnapshot } from '../../../contracts/lagesbild.ts';

export interface LagesbildDraftsTable {
  week: string;
  summary: Generated<string>;
  updated_by: string | null;
  updated_at: GeneratedTimestamp;
}

export interface LagesbildAssessmentsTable {
  week: string;
  area_id: string;
  level: AssessmentLevel;
  comment: Generated<string>;
  updated_by: string | null;
  updated_at: GeneratedTimestamp;
}

export interface LagesbildVersionsTable {
  id: Generated<string>;
  week: string;
  version: number;
  reason: string | null;
  snapshot_full: Json<PictureSnapshot>;
  snapshot_partnership: Json<PictureSnapshot>;
  published_by: string;
  published_at: Timestamp;
}

export interface LagesbildVersionReportsTable {
  version_id: string;
  report_id: string;
}

/**
 * Counted (not withdrawn) reports per ISO week, area, category and visibility; kept by triggers on
 * `reports` (migration 202611230120), never written by the application.
 */
export interface ReportWeekCountsTable {
  week: string;
  area_id: string;
  category_id: string;
  visibility: 'partnership' | 'restricted';
  n: number;
}

export interface LagesbildTables {
  report_week_counts: ReportWeekCountsTable;
  lagesbild_drafts: LagesbildDraftsTable;
  lagesbild_assessments: LagesbildAssessmentsTable;
  lagesbild_versions: LagesbildVersionsTable;
  lagesbild_version_reports: LagesbildVersionReportsTable;
}
