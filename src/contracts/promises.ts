import { z } from 'zod';
import { freeText, notFreeText } from './free-text.ts';
import { codeSchema } from './common.ts';
import type { Progress, TargetKind, Verdict } from './promises-progress.ts';

/**
 * Request schemas and response views of the promises feature (agreements, plans, commitments,
 * activities, follow-ups); pure zod and types, shared by the server and the web app.
 */
export const dateSchema = z.iso.date();
export const targetKindSchema = z.enum(['count', 'recurring', 'per-term', 'deliverable']);

export const activityLogSchema = z.strictObject({
  occurredOn: dateSchema,
  placeCode: codeSchema.optional(),
  participants: z.number().int().min(1).max(1000).optional(),
  durationMinutes: z.number().int().min(1).max(1440).optional(),
  note: freeText(z.string().trim().max(1000)).optional(),
  evidence: freeText(z.string().trim().min(1).max(500)).optional(),
});
export type ActivityLog = z.infer<typeof activityLogSchema>;

export const activityImportSchema = z.strictObject({
  csv: notFreeText(z.string().min(1).max(500_000), 'parsed into rows whose texts the import checks row by row'),
  skipInvalid: z.boolean().default(false),
});
export type ActivityImport = z.infer<typeof activityImportSchema>;

const commitmentTargetSchema = z.strictObject({ kind: targetKindSchema, count: z.number().int().min(1).max(10000) });
const commitmentPlacesSchema = z
  .array(z.strictObject({ code: codeSchema, from: dateSchema.optional(), to: dateSchema.optional() }))
  .max(50);

/**
 * Rules that span fields or need the database (end before start, inside the agreement, a weekly
 * target's places, personal data) are the services' business, so that creating and editing answer
 * them with the same field-level codes.
 */
export const commitmentCreateSchema = z.strictObject({
  code: codeSchema,
  agreementId: z.uuid(),
  planId: z.uuid().optional(),
  focusAreaCode: codeSchema,
  isPromise: z.boolean().default(false),
  title: freeText(z.string().trim().min(3).max(200)),
  description: freeText(z.string().trim().max(2000)).default(''),
  activityLabel: freeText(z.string().trim().min(2).max(80)),
  target: commitmentTargetSchema,
  periodStart: dateSchema,
  periodEnd: dateSchema,
  ownerCodes: z.array(codeSchema).min(1).max(20),
  places: commitmentPlacesSchema.default([]),
});
export type CommitmentCreate = z.infer<typeof commitmentCreateSchema>;

/**
 * What a coordinator may change in a commitment; only the fields sent change. The code (what CSV
 * imports name it by) and the agreement stay. `planId: null` takes it out of its plan.
 */
export const commitmentUpdateSchema = z.strictObject({
  planId: z.uuid().nullable().optional(),
  focusAreaCode: codeSchema.optional(),
  isPromise: z.boolean().optional(),
  title: freeText(z.string().trim().min(3).max(200)).optional(),
  description: freeText(z.string().trim().max(2000)).optional(),
  activityLabel: freeText(z.string().trim().min(2).max(80)).optional(),
  target: commitmentTargetSchema.optional(),
  periodStart: dateSchema.optional(),
  periodEnd: dateSchema.optional(),
  ownerCodes: z.array(codeSchema).min(1).max(20).optional(),
  places: commitmentPlacesSchema.optional(),
});
export type CommitmentUpdate = z.infer<typeof commitmentUpdateSchema>;

export const planCreateSchema = z.strictObject({
  focusAreaCode: codeSchema,
  title: freeText(z.string().trim().min(3).max(200)),
  periodStart: dateSchema,
  periodEnd: dateSchema,
});
export type PlanCreate = z.infer<typeof planCreateSchema>;

export const planUpdateSchema = planCreateSchema.partial();
export type PlanUpdate = z.infer<typeof planUpdateSchema>;

const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'MM-DD');
export const followUpDatesSchema = z.strictObject({
  dates: z.array(monthDay).min(3, 'at least three follow-ups a year').max(12),
});

const signatoriesSchema = z
  .array(z.strictObject({ organisationCode: codeSchema, title: freeText(z.string().trim().min(2).max(200)) }))
  .max(20);
const documentsSchema = z
  .array(z.strictObject({ title: freeText(z.string().trim().min(2).max(200)), url: z.url({ protocol: /^https?$/ }) }))
  .max(20);

export const agreementCreateSchema = z.strictObject({
  code: codeSchema,
  title: freeText(z.string().trim().min(3).max(300)),
  periodStart: dateSchema,
  periodEnd: dateSchema,
  partyCodes: z.array(codeSchema).min(2).max(20),
  focusAreaCodes: z.array(codeSchema).max(20).default([]),
  signatories: signatoriesSchema.default([]),
  documents: documentsSchema.default([]),
  followUpDates: z.array(monthDay).min(3).max(12).default(['04-30', '08-31', '12-31']),
});
export type AgreementCreate = z.infer<typeof agreementCreateSchema>;

/** What a coordinator may change in an agreement; only the fields sent change. Follow-up dates have their own endpoint. */
export const agreementUpdateSchema = z.strictObject({
  title: freeText(z.string().trim().min(3).max(300)).optional(),
  periodStart: dateSchema.optional(),
  periodEnd: dateSchema.optional(),
  partyCodes: z.array(codeSchema).min(2).max(20).optional(),
  focusAreaCodes: z.array(codeSchema).max(20).optional(),
  signatories: signatoriesSchema.optional(),
  documents: documentsSchema.optional(),
});
export type AgreementUpdate = z.infer<typeof agreementUpdateSchema>;

export const followUpCreateSchema = z.strictObject({ asOf: dateSchema });
export const followUpCommentSchema = z.strictObject({ comment: freeText(z.string().trim().max(2000)) });
export const assessmentSchema = z.strictObject({ assessment: freeText(z.string().trim().min(1).max(4000)) });

export interface OrganisationRef {
  code: string;
  name: string;
  kind: string;
}

export interface CommitmentView {
  id: string;
  code: string;
  agreementId: string;
  planId: string | null;
  title: string;
  description: string;
  focusAreaCode: string;
  focusAreaName: string;
  isPromise: boolean;
  activityLabel: string;
  target: { kind: TargetKind; count: number };
  periodStart: string;
  periodEnd: string;
  owners: OrganisationRef[];
  places: { code: string; name: string; from: string | null; to: string | null }[];
  progress: Progress;
  /** Whether the viewer's organisation owns it and may log activities. */
  canLog: boolean;
  /** Whether the viewer may change it (a coordinator of one of the agreement's parties, or an admin). */
  canEdit: boolean;
}

export interface ActivityView {
  id: string;
  commitmentId: string;
  occurredOn: string;
  placeCode: string | null;
  placeName: string | null;
  participants: number | null;
  durationMinutes: number | null;
  note: string;
  evidence: string | null;
  organisationName: string;
  loggedByName: string;
  source: string;
  createdAt: string;
  /** Whether the viewer's organisation logged it and may withdraw it. */
  canWithdraw: boolean;
}

export interface PlanView {
  id: string;
  title: string;
  focusAreaCode: string;
  periodStart: string;
  periodEnd: string;
}

export interface AgreementView {
  id: string;
  code: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  parties: OrganisationRef[];
  focusAreas: { code: string; name: string }[];
  signatories: { organisationCode: string; title: string }[];
  documents: { title: string; url: string }[];
  followUpDates: string[];
  plans: PlanView[];
  /** Whether the viewer may change it and plan under it (a coordinator of a party, or an admin). */
  canEdit: boolean;
}

export interface FollowUpItemView {
  commitmentId: string;
  title: string;
  isPromise: boolean;
  progress: Progress;
  comment: string;
}

export interface FollowUpView {
  id: string;
  agreementId: string;
  asOf: string;
  title: string;
  status: 'draft' | 'published';
  snapshotAt: string;
  publishedAt: string | null;
  approvals: { organisationCode: string; organisationName: string; approvedAt: string }[];
  /** Parties whose approval is still needed before publishing. */
  awaiting: OrganisationRef[];
  items: FollowUpItemView[];
  socialText: string;
}

export interface ImportRowError {
  line: number;
  field: string;
  message: string;
}
export interface ImportResult {
  imported: number;
  skipped: { line: number; errors: ImportRowError[] }[];
}

export interface EvaluationItem {
  commitmentId: string;
  title: string;
  isPromise: boolean;
  focusAreaName: string;
  progress: Progress;
  verdict: Verdict;
  assessments: { organisationCode: string; organisationName: string; assessment: string }[];
}
export interface ContextIndicator {
  areaCode: string;
  areaName: string;
  placeNames: string[];
  before: number;
  during: number;
}
export interface EvaluationView {
  agreementId: string;
  agreementTitle: string;
  year: number;
  periodStart: string;
  periodEnd: string;
  asOf: string;
  items: EvaluationItem[];
  context: { beforeFrom: string; beforeTo: string; indicators: ContextIndicator[]; caveat: string };
}
