/** Response views of camera siting and before/after evaluation, and the candidate and effect-size shapes they are built from; pure types, shared with the web app. */
import type { CameraSiteStatus } from './cameras.ts';

/** A place or grid cell considered for a camera (x/y in SWEREF 99 TM); ranked by `rankCandidates` in the server's siting rules. */
export interface SitingCandidate {
  kind: 'place' | 'cell';
  /** Place code, or `cell:<col>:<row>` for a grid cell. */
  code: string;
  name: string;
  x: number;
  y: number;
}

export interface RankedCandidate extends SitingCandidate {
  score: number;
  reports: number;
  byCategory: { categoryCode: string; count: number }[];
  /** Ids of (up to 50 of) the reports within the radius. */
  reportIds: string[];
  hotspot: { z: number; hot: boolean } | null;
  nearestCamera: { id: string; name: string; status: CameraSiteStatus; distanceMetres: number } | null;
  covered: boolean;
}

/** Counts and effect sizes of a before/after evaluation (`evaluateSite` in the server's evaluation rules). */
export interface ZoneCounts {
  treatmentBefore: number;
  treatmentAfter: number;
  ringBefore: number;
  ringAfter: number;
  comparisonBefore: number;
  comparisonAfter: number;
}

export interface OddsRatio {
  value: number;
  lower: number;
  upper: number;
  /** V(ln OR) */
  logVariance: number;
  /** True when 0.5 was added to every count because one was zero. */
  corrected: boolean;
}

export interface EvaluationResult {
  counts: ZoneCounts;
  relativeEffectSize: OddsRatio;
  ringEffectSize: OddsRatio;
  weightedDisplacementQuotient: number | null;
}

export interface SitingView {
  from: string;
  to: string;
  radius: number;
  cellSize: number;
  categories: string[];
  totalReports: number;
  candidates: (Omit<RankedCandidate, 'x' | 'y'> & { location: { lat: number; lon: number } })[];
}

export interface EvaluationView extends EvaluationResult {
  siteId: string;
  installedOn: string;
  radius: number;
  ringWidth: number;
  categories: string[];
  comparisonArea: { code: string; name: string };
  before: { from: string; to: string };
  after: { from: string; to: string };
  periodDays: number;
  /** True when the site has not been running long enough for the months asked for. */
  shortened: boolean;
}
