import type { Generated, GeneratedTimestamp, Json, Timestamp } from '../../db/schema.ts';
import type { AssessmentLevel, LagesbildView } from './lagesbild.schemas.ts';

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
  snapshot_full: Json<LagesbildView>;
  snapshot_partnership: Json<LagesbildView>;
  published_by: string;
  published_at: Timestamp;
}

export interface LagesbildVersionReportsTable {
  version_id: string;
  report_id: string;
}

export interface LagesbildTables {
  lagesbild_drafts: LagesbildDraftsTable;
  lagesbild_assessments: LagesbildAssessmentsTable;
  lagesbild_versions: LagesbildVersionsTable;
  lagesbild_version_reports: LagesbildVersionReportsTable;
}
