import type { Generated, GeneratedTimestamp, Json, Timestamp } from '../../db/schema.ts';
import type { Progress, TargetKind } from '../../../contracts/promises-progress.ts';

/** Calendar dates ('YYYY-MM-DD', Swedish local) are read as strings by both database drivers. */
type DateColumn = string;

export interface Signatory {
  organisationCode: string;
  title: string;
}
export interface AgreementDocument {
  title: string;
  url: string;
}

export interface AgreementsTable {
  id: Generated<string>;
  code: string;
  title: string;
  period_start: DateColumn;
  period_end: DateColumn;
  signatories: Json<Signatory[]>;
  documents: Json<AgreementDocument[]>;
  /** 'MM-DD' dates of the year's follow-ups; default the end of each tertial. */
  follow_up_dates: Json<string[]>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface AgreementPartiesTable {
  agreement_id: string;
  organisation_id: string;
}

export interface AgreementFocusAreasTable {
  agreement_id: string;
  focus_area_id: string;
}

export interface ActivityPlansTable {
  id: Generated<string>;
  agreement_id: string;
  focus_area_id: string;
  title: string;
  period_start: DateColumn;
  period_end: DateColumn;
  created_at: GeneratedTimestamp;
}

export interface CommitmentsTable {
  id: Generated<string>;
  code: string;
  agreement_id: string;
  plan_id: string | null;
  focus_area_id: string;
  is_promise: Generated<boolean>;
  title: string;
  description: Generated<string>;
  /** What one logged activity is, in Swedish: "fotpatrull", "trygghetsdialog". */
  activity_label: string;
  target_kind: TargetKind;
  target_count: number;
  period_start: DateColumn;
  period_end: DateColumn;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface CommitmentOwnersTable {
  commitment_id: string;
  organisation_id: string;
}

export interface CommitmentPlacesTable {
  commitment_id: string;
  place_id: string;
  active_from: DateColumn | null;
  active_to: DateColumn | null;
}

export type ActivitySource = 'form' | 'import' | 'demo';

export interface CommitmentActivitiesTable {
  id: Generated<string>;
  commitment_id: string;
  organisation_id: string;
  logged_by: string;
  occurred_on: DateColumn;
  place_id: string | null;
  participants: number | null;
  duration_minutes: number | null;
  note: Generated<string>;
  evidence: string | null;
  source: Generated<ActivitySource>;
  created_at: GeneratedTimestamp;
  withdrawn_at: Timestamp | null;
  withdrawn_by: string | null;
}

export type FollowUpStatus = 'draft' | 'published';

export interface FollowUpsTable {
  id: Generated<string>;
  agreement_id: string;
  as_of: DateColumn;
  title: string;
  status: Generated<FollowUpStatus>;
  snapshot_at: Timestamp;
  created_by: string;
  created_at: GeneratedTimestamp;
  published_at: Timestamp | null;
}

export interface FollowUpItemsTable {
  follow_up_id: string;
  commitment_id: string;
  /** The commitment's title and promise flag when the snapshot was taken (frozen like the progress). */
  title: string;
  is_promise: boolean;
  progress: Json<Progress>;
  comment: Generated<string>;
}

export interface FollowUpApprovalsTable {
  follow_up_id: string;
  organisation_id: string;
  approved_by: string;
  approved_at: Timestamp;
}

export interface CommitmentAssessmentsTable {
  commitment_id: string;
  organisation_id: string;
  assessment: string;
  updated_by: string;
  updated_at: Timestamp;
}

export interface PromiseTables {
  agreements: AgreementsTable;
  agreement_parties: AgreementPartiesTable;
  agreement_focus_areas: AgreementFocusAreasTable;
  activity_plans: ActivityPlansTable;
  commitments: CommitmentsTable;
  commitment_owners: CommitmentOwnersTable;
  commitment_places: CommitmentPlacesTable;
  commitment_activities: CommitmentActivitiesTable;
  follow_ups: FollowUpsTable;
  follow_up_items: FollowUpItemsTable;
  follow_up_approvals: FollowUpApprovalsTable;
  commitment_assessments: CommitmentAssessmentsTable;
}
