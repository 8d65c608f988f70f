import type { Generated, GeneratedTimestamp, Json, Timestamp } from '../../db/schema.ts';

import type { ApplicationStatus, DecisionOutcome, PreventionType } from '../../../contracts/fund.ts';

// The value sets are declared once, in the contract the API validates against.
export type { ApplicationStatus, DecisionOutcome, PreventionType };

export interface CostItem {
  label: string;
  amountOre: number;
}
export interface ApplicationLink {
  kind: 'report' | 'picture-week';
  /** A report id, or an ISO week like `2026-W47` for the weekly picture (lägesbild). */
  ref: string;
}
export interface IndicatorResult {
  indicator: string;
  value: string;
}

/** `date` columns are read as 'YYYY-MM-DD' strings (see db/database.ts). */
type DateColumn = string;

export interface FundBudgetsTable {
  id: Generated<string>;
  year: number;
  total_ore: number;
  source: Generated<string>;
  created_at: GeneratedTimestamp;
}

export interface FundPotsTable {
  id: Generated<string>;
  budget_id: string;
  code: string;
  name: string;
  purpose: Generated<string>;
  amount_ore: number;
  granted_ore: Generated<number>;
  paid_ore: Generated<number>;
  source: Generated<string>;
  created_at: GeneratedTimestamp;
}

export interface FundApplicationsTable {
  id: Generated<string>;
  number: Generated<number>;
  organisation_id: string;
  created_by: string;
  year: number;
  title: string;
  purpose: Generated<string>;
  prevention_type: PreventionType;
  period_start: DateColumn | null;
  period_end: DateColumn | null;
  requested_ore: Generated<number>;
  cost_items: Json<CostItem[]>;
  expected_effect: Generated<string>;
  indicators: Json<string[]>;
  links: Json<ApplicationLink[]>;
  status: Generated<ApplicationStatus>;
  paid_ore: Generated<number>;
  submitted_at: Timestamp | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface FundApplicationFocusAreasTable {
  application_id: string;
  focus_area_id: string;
}
export interface FundApplicationAreasTable {
  application_id: string;
  area_id: string;
}
export interface FundApplicationPlacesTable {
  application_id: string;
  place_id: string;
}

export interface FundReviewsTable {
  id: Generated<string>;
  application_id: string;
  reviewer_id: string;
  assigned_by: string;
  assigned_at: GeneratedTimestamp;
  scores: Json<Record<string, number>>;
  feasible: boolean | null;
  reason: string | null;
  recommended_ore: number | null;
  completed_at: Timestamp | null;
}

export interface FundDecisionsTable {
  application_id: string;
  outcome: DecisionOutcome;
  pot_id: string | null;
  granted_ore: Generated<number>;
  decided_on: DateColumn;
  deciding_body: string;
  reference_number: string;
  reason: string | null;
  decided_by: string;
  created_at: GeneratedTimestamp;
}

export interface FundFollowUpsTable {
  id: Generated<string>;
  application_id: string;
  due_on: DateColumn;
  spent_ore: number | null;
  indicator_results: Json<IndicatorResult[]>;
  comment: Generated<string>;
  reported_at: Timestamp | null;
  reported_by: string | null;
}

export interface FundPaymentsTable {
  id: Generated<string>;
  application_id: string;
  amount_ore: number;
  paid_on: DateColumn;
  recorded_by: string;
  created_at: GeneratedTimestamp;
}

export interface FundNotificationsTable {
  id: Generated<string>;
  organisation_id: string;
  application_id: string;
  kind: string;
  message: string;
  created_at: GeneratedTimestamp;
  read_at: Timestamp | null;
}

export interface FundTables {
  fund_budgets: FundBudgetsTable;
  fund_pots: FundPotsTable;
  fund_applications: FundApplicationsTable;
  fund_application_focus_areas: FundApplicationFocusAreasTable;
  fund_application_areas: FundApplicationAreasTable;
  fund_application_places: FundApplicationPlacesTable;
  fund_reviews: FundReviewsTable;
  fund_decisions: FundDecisionsTable;
  fund_follow_ups: FundFollowUpsTable;
  fund_payments: FundPaymentsTable;
  fund_notifications: FundNotificationsTable;
}
