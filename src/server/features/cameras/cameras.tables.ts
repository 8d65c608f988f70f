import type { ColumnType } from 'kysely';
import type { Generated, GeneratedTimestamp, Timestamp } from '../../db/schema.ts';
import type {
  Balancing,
  CameraSiteStatus,
  Dpia,
  FieldOfView,
  InspectionKind,
  LegalBasisKind,
} from '../../../contracts/cameras.ts';

// The value sets are declared once, in the contract the API validates against.
export type { CameraSiteStatus, InspectionKind, LegalBasisKind };

/** A `date` column: read back as `YYYY-MM-DD` text (repositories cast with ::text), written as text. */
export type CalendarDate = ColumnType<string, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null, string | null>;

export interface CameraSitesTable {
  id: Generated<string>;
  seed_code: string | null;
  name: string;
  lat: number;
  lon: number;
  x: number;
  y: number;
  position_approximate: Generated<boolean>;
  field_of_view: NullableJson<FieldOfView>;
  area_id: string;
  place_id: string | null;
  organisation_id: string;
  camera_count: Generated<number>;
  camera_type: Generated<string>;
  purpose: Generated<string>;
  focus_area_id: string | null;
  motivation: Generated<string>;
  motivating_report_ids: ColumnType<string[], string | undefined, string>;
  status: Generated<CameraSiteStatus>;
  operating_hours: Generated<string>;
  retention_days: number | null;
  signage: Generated<boolean>;
  responsible_name: Generated<string>;
  responsible_user_id: string | null;
  installed_on: CalendarDate | null;
  decommissioned_on: CalendarDate | null;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface CameraLegalBasesTable {
  site_id: string;
  kind: LegalBasisKind;
  decided_on: CalendarDate;
  review_on: CalendarDate | null;
  reference: Generated<string>;
  conditions: Generated<string>;
  balancing: NullableJson<Balancing>;
  dpia: NullableJson<Dpia>;
  recorded_by: string;
  updated_at: GeneratedTimestamp;
}

export interface CameraInspectionsTable {
  id: Generated<string>;
  site_id: string;
  kind: InspectionKind;
  occurred_on: CalendarDate;
  working: boolean | null;
  masking_correct: boolean | null;
  signs_present: boolean | null;
  note: Generated<string>;
  resolved_on: CalendarDate | null;
  recorded_by: string;
  created_at: GeneratedTimestamp;
}

export interface CameraDisclosuresTable {
  id: Generated<string>;
  site_id: string;
  recipient: string;
  case_reference: string;
  recording_from: Timestamp;
  recording_to: Timestamp;
  released_at: Timestamp;
  released_by_name: string;
  logged_by: string;
  created_at: GeneratedTimestamp;
}

export interface CameraTables {
  camera_sites: CameraSitesTable;
  camera_legal_bases: CameraLegalBasesTable;
  camera_inspections: CameraInspectionsTable;
  camera_disclosures: CameraDisclosuresTable;
}
