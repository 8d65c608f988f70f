/** The progress of a commitment and its end-of-year verdict, as views show them; pure types, shared with the web app. */

export type TargetKind = 'count' | 'recurring' | 'per-term' | 'deliverable';
export type ProgressStatus = 'not-started' | 'on-track' | 'at-risk' | 'behind' | 'done';

export interface PlaceWeeks {
  placeCode: string;
  weeksInPeriod: number;
  weeksElapsed: number;
  weeksWithActivity: number;
  missedWeeks: string[];
}

export interface TermProgress {
  term: string;
  done: number;
  target: number;
}

export type ProgressDetail =
  | { kind: 'count' }
  | { kind: 'recurring'; places: PlaceWeeks[] }
  | { kind: 'per-term'; terms: TermProgress[] }
  | { kind: 'deliverable'; deliveredOn: string | null; evidence: string | null };

export interface Progress {
  done: number;
  target: number;
  expectedByNow: number;
  status: ProgressStatus;
  asOf: string;
  detail: ProgressDetail;
}

export type Verdict = 'kept' | 'partly-kept' | 'not-kept';
