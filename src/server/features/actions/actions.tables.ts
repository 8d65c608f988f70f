import type { Generated, GeneratedTimestamp } from '../../db/schema.ts';
import type { ActionStatus } from '../../../contracts/actions.ts';

export interface ActionsTable {
  id: Generated<string>;
  number: Generated<number>;
  title: string;
  description: Generated<string>;
  decided_week: string;
  area_id: string | null;
  place_id: string | null;
  organisation_id: string;
  responsible_person: Generated<string>;
  /** 'YYYY-MM-DD' (the database layer keeps dates as strings). */
  due_on: string;
  status: Generated<ActionStatus>;
  outcome_note: Generated<string>;
  created_by: string;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface ActionReportsTable {
  action_id: string;
  report_id: string;
}

export interface ActionTables {
  actions: ActionsTable;
  action_reports: ActionReportsTable;
}
