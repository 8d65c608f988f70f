import { z } from 'zod';
import { freeText } from './free-text.ts';
import { codeSchema, isoWeekSchema, uuidSchema } from './common.ts';

/**
 * Request schemas and response views of the fund API, shared by the server and the web app.
 */
const ore = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const positiveOre = ore.min(1);
const isoDate = z.iso.date();
/** Free text, checked for personal data; `min` 1 for required fields. */
const text = (max: number, min = 0) => freeText(z.string().trim().min(min).max(max));

export const yearQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export type YearQuery = z.infer<typeof yearQuerySchema>;

export const potCreateSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  code: codeSchema,
  name: text(200, 1),
  purpose: text(2000).default(''),
  amountOre: positiveOre,
  source: text(1000).default(''),
});
export type PotCreate = z.infer<typeof potCreateSchema>;

/** A year's total safety budget and where the money comes from. */
export const budgetUpdateSchema = z.strictObject({
  totalOre: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  source: text(1000).default(''),
});

export const costItemSchema = z.strictObject({ label: text(200, 1), amountOre: ore });
export const linkSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('report'), ref: uuidSchema }),
  z.strictObject({ kind: z.literal('picture-week'), ref: isoWeekSchema }),
]);

/** A draft may be incomplete; submission checks completeness (see `submissionProblems`). */
export const applicationDraftSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  title: text(200, 1),
  purpose: text(5000).default(''),
  preventionType: z.enum(['social', 'situational']),
  focusAreaCodes: z.array(codeSchema).max(20).default([]),
  areaCodes: z.array(codeSchema).max(50).default([]),
  placeCodes: z.array(codeSchema).max(50).default([]),
  periodStart: isoDate.nullable().default(null),
  periodEnd: isoDate.nullable().default(null),
  costItems: z.array(costItemSchema).max(50).default([]),
  expectedEffect: text(5000).default(''),
  indicators: z.array(text(300, 1)).max(20).default([]),
  links: z.array(linkSchema).max(50).default([]),
});
export type ApplicationDraft = z.infer<typeof applicationDraftSchema>;

export const applicationListQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(['draft', 'submitted', 'in-review', 'reviewed', 'granted', 'rejected']).optional(),
});
export type ApplicationListQuery = z.infer<typeof applicationListQuerySchema>;

export const reviewerAssignSchema = z.strictObject({ reviewerId: uuidSchema });

export const reviewSaveSchema = z.strictObject({
  scores: z.record(z.string(), z.number()).default({}),
  feasible: z.boolean().nullable().default(null),
  reason: text(5000).nullable().default(null),
  recommendedOre: ore.nullable().default(null),
  /** Mark the review complete; refused with the list of problems while anything is missing. */
  complete: z.boolean().default(false),
});
export type ReviewSave = z.infer<typeof reviewSaveSchema>;

export const decisionSchema = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('granted'),
    potId: uuidSchema,
    grantedOre: positiveOre,
    decidedOn: isoDate,
    decidingBody: text(200, 1),
    referenceNumber: text(100, 1),
    followUpDates: z.array(isoDate).min(1).max(12),
  }),
  z.strictObject({
    outcome: z.literal('rejected'),
    decidedOn: isoDate,
    decidingBody: text(200, 1),
    referenceNumber: text(100, 1),
    reason: text(5000, 1),
  }),
]);
export type Decision = z.infer<typeof decisionSchema>;

export const followUpReportSchema = z.strictObject({
  spentOre: ore,
  indicatorResults: z
    .array(z.strictObject({ indicator: text(300, 1), value: text(1000, 1) }))
    .max(20)
    .default([]),
  comment: text(5000).default(''),
});
export type FollowUpReport = z.infer<typeof followUpReportSchema>;

export const paymentSchema = z.strictObject({ amountOre: positiveOre, paidOn: isoDate });
export type Payment = z.infer<typeof paymentSchema>;

export interface PotView {
  id: string;
  year: number;
  code: string;
  name: string;
  purpose: string;
  source: string;
  amountOre: number;
  grantedOre: number;
  paidOre: number;
  remainingOre: number;
}
/** The public contract's shape of a pot (GET /api/fund/pots). */
export type PotContractView = Pick<PotView, 'id' | 'year' | 'name' | 'amountOre' | 'grantedOre' | 'remainingOre'> &
  Partial<PotView>;

export interface BudgetView {
  year: number;
  totalOre: number;
  allocatedOre: number;
  grantedOre: number;
  paidOre: number;
  source: string;
  pots: PotView[];
}

export interface ReviewView {
  id: string;
  reviewerId: string;
  reviewerName: string;
  scores: Record<string, number>;
  feasible: boolean | null;
  reason: string | null;
  recommendedOre: number | null;
  completedAt: string | null;
  mine: boolean;
}

export interface DecisionView {
  outcome: 'granted' | 'rejected';
  potId: string | null;
  potName: string | null;
  grantedOre: number;
  decidedOn: string;
  decidingBody: string;
  referenceNumber: string;
  reason: string | null;
}

export interface FollowUpView {
  id: string;
  dueOn: string;
  spentOre: number | null;
  indicatorResults: { indicator: string; value: string }[];
  comment: string;
  reportedAt: string | null;
  overdue: boolean;
}

export interface ApplicationView {
  id: string;
  number: number;
  year: number;
  organisationCode: string;
  organisationName: string;
  title: string;
  purpose: string;
  preventionType: 'social' | 'situational';
  focusAreaCodes: string[];
  areaCodes: string[];
  placeCodes: string[];
  periodStart: string | null;
  periodEnd: string | null;
  requestedOre: number;
  costItems: { label: string; amountOre: number }[];
  expectedEffect: string;
  indicators: string[];
  links: z.infer<typeof linkSchema>[];
  status: 'draft' | 'submitted' | 'in-review' | 'reviewed' | 'granted' | 'rejected';
  paidOre: number;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Reviews are for the fund's roles; the applicant sees none. */
  reviews: ReviewView[];
  decision: DecisionView | null;
  followUps: FollowUpView[];
  /** What the viewer may do now, so the UI shows only the buttons that will work. */
  can: {
    edit: boolean;
    submit: boolean;
    assign: boolean;
    review: boolean;
    decide: boolean;
    reportFollowUp: boolean;
    pay: boolean;
  };
}

export interface ApplicationListItem {
  id: string;
  number: number;
  year: number;
  title: string;
  organisationName: string;
  preventionType: 'social' | 'situational';
  status: ApplicationView['status'];
  requestedOre: number;
  grantedOre: number | null;
  overdueFollowUps: number;
  updatedAt: string;
}

export interface NotificationView {
  id: string;
  applicationId: string;
  kind: string;
  message: string;
  createdAt: string;
  read: boolean;
}

export interface ReviewerCandidate {
  id: string;
  name: string;
  organisationName: string;
}

export interface GrantedRow {
  key: string;
  name: string;
  grantedOre: number;
  count: number;
}

export interface OverviewView {
  year: number;
  budget: BudgetView | null;
  byPreventionType: GrantedRow[];
  byFocusArea: GrantedRow[];
  /** `key` is the area code, or `hela-kommunen` for grants that name no area. */
  byArea: GrantedRow[];
  granted: {
    id: string;
    title: string;
    organisationName: string;
    preventionType: 'social' | 'situational';
    grantedOre: number;
    spentOre: number;
    areaCodes: string[];
    overdueFollowUps: number;
  }[];
  results: {
    applicationId: string;
    title: string;
    dueOn: string;
    spentOre: number | null;
    indicatorResults: { indicator: string; value: string }[];
    comment: string;
  }[];
}
