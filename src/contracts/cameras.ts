import { z } from 'zod';
import { freeText } from './free-text.ts';
import { codeSchema, latLonSchema, uuidSchema } from './common.ts';

/**
 * Request schemas and response views of the camera register; pure zod and types, shared by the
 * server and the web app, so the register's shape is defined in one place.
 */
export const cameraSiteStatusSchema = z.enum(['proposed', 'assessing', 'approved', 'installed', 'decommissioned']);
export const calendarDateSchema = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });
/** Free text, checked for personal data (the register is read by the whole partnership). */
const text = (max = 2000) => freeText(z.string().trim().max(max));
const required = (max = 2000) => freeText(z.string().trim().min(1).max(max));
/** The named official responsible: a person by purpose, so names pass; other identifiers do not. */
const officialName = (max = 200, min = 0) => freeText(z.string().trim().min(min).max(max), { allowNames: true });

/** A field-of-view polygon drawn on the map (WGS84, one outer ring). */
export const fieldOfViewSchema = z.strictObject({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(z.tuple([z.number(), z.number()])).min(4)).length(1),
});
export type FieldOfView = z.infer<typeof fieldOfViewSchema>;

const siteFields = {
  name: required(200),
  location: latLonSchema.optional(),
  /** A named place; its position is used when no location is given. */
  placeCode: codeSchema.nullable().optional(),
  positionApproximate: z.boolean().default(false),
  fieldOfView: fieldOfViewSchema.nullable().optional(),
  /** Admins may register a site for another organisation; others own what they register. */
  organisationCode: codeSchema.optional(),
  cameraCount: z.number().int().min(0).max(500).default(1),
  cameraType: text(200).default(''),
  purpose: text().default(''),
  focusAreaCode: codeSchema.nullable().optional(),
  motivation: text().default(''),
  motivatingReportIds: z.array(uuidSchema).max(200).default([]),
  operatingHours: text(200).default(''),
  retentionDays: z.number().int().min(0).max(3650).nullable().optional(),
  signage: z.boolean().default(false),
  responsibleName: officialName().default(''),
  responsibleUserId: uuidSchema.nullable().optional(),
};

export const cameraSiteCreateSchema = z
  .strictObject(siteFields)
  .refine((s) => s.location !== undefined || s.placeCode, {
    message: 'give a location or a placeCode',
    path: ['location'],
  });
export type CameraSiteCreate = z.infer<typeof cameraSiteCreateSchema>;

export const cameraSiteUpdateSchema = z.strictObject({
  name: siteFields.name.optional(),
  location: latLonSchema.optional(),
  positionApproximate: z.boolean().optional(),
  fieldOfView: fieldOfViewSchema.nullable().optional(),
  cameraCount: z.number().int().min(0).max(500).optional(),
  cameraType: text(200).optional(),
  purpose: text().optional(),
  focusAreaCode: codeSchema.nullable().optional(),
  motivation: text().optional(),
  motivatingReportIds: z.array(uuidSchema).max(200).optional(),
  operatingHours: text(200).optional(),
  retentionDays: z.number().int().min(0).max(3650).nullable().optional(),
  signage: z.boolean().optional(),
  responsibleName: officialName().optional(),
  responsibleUserId: uuidSchema.nullable().optional(),
});
export type CameraSiteUpdate = z.infer<typeof cameraSiteUpdateSchema>;

export const statusChangeSchema = z.strictObject({
  status: cameraSiteStatusSchema,
  /** The date of installation or decommissioning; today when absent. */
  on: calendarDateSchema.optional(),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

/** Intresseavvägning: why monitoring is needed and why it outweighs the intrusion. */
export const balancingSchema = z.strictObject({
  purpose: required(),
  problem: required(),
  alternatives: required(),
  whyAlternativesInsufficient: required(),
  intrusion: required(),
  mitigations: required(),
  conclusion: z.enum(['monitoring-outweighs', 'privacy-outweighs']),
});
export type Balancing = z.infer<typeof balancingSchema>;

const level = z.enum(['low', 'medium', 'high']);
/** Konsekvensbedömning (DPIA, GDPR art. 35). */
export const dpiaSchema = z.strictObject({
  dataCategories: required(),
  dataSubjects: required(),
  necessity: required(),
  risks: z
    .array(z.strictObject({ description: required(500), likelihood: level, severity: level, measures: required(1000) }))
    .min(1)
    .max(30),
  residualRisk: level,
  dpoConsulted: z.boolean(),
  dpoOpinion: text().default(''),
  /** Prior consultation with IMY (GDPR art. 36), needed when the residual risk stays high. */
  imyConsultedOn: calendarDateSchema.nullable().default(null),
});
export type Dpia = z.infer<typeof dpiaSchema>;

export const legalBasisSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('imy-permit'),
    decidedOn: calendarDateSchema,
    /** Last day the permit is valid; null for a permit without end date. */
    validUntil: calendarDateSchema.nullable(),
    reference: required(100),
    conditions: text().default(''),
  }),
  z.strictObject({
    kind: z.literal('self-assessment'),
    decidedOn: calendarDateSchema,
    reviewOn: calendarDateSchema,
    balancing: balancingSchema,
    dpia: dpiaSchema,
  }),
]);
export type LegalBasisInput = z.infer<typeof legalBasisSchema>;

export const inspectionCreateSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('inspection'),
    occurredOn: calendarDateSchema,
    working: z.boolean(),
    maskingCorrect: z.boolean(),
    signsPresent: z.boolean(),
    note: text().default(''),
  }),
  z.strictObject({
    kind: z.literal('fault'),
    occurredOn: calendarDateSchema,
    note: required(),
    resolvedOn: calendarDateSchema.nullable().default(null),
  }),
]);
export type InspectionCreate = z.infer<typeof inspectionCreateSchema>;

export const faultResolveSchema = z.strictObject({ resolvedOn: calendarDateSchema });
export type FaultResolve = z.infer<typeof faultResolveSchema>;

export const disclosureCreateSchema = z
  .strictObject({
    recipient: required(200).default('Polismyndigheten'),
    caseReference: required(60),
    recordingFrom: isoDateTime,
    recordingTo: isoDateTime,
    releasedAt: isoDateTime,
    releasedByName: officialName(200, 1),
  })
  .refine((d) => new Date(d.recordingTo) > new Date(d.recordingFrom), {
    message: 'recordingTo must be after recordingFrom',
    path: ['recordingTo'],
  })
  .refine((d) => new Date(d.releasedAt) >= new Date(d.recordingTo), {
    message: 'footage cannot be released before it is recorded',
    path: ['releasedAt'],
  });
export type DisclosureCreate = z.infer<typeof disclosureCreateSchema>;

const categoryList = z
  .string()
  .max(2000)
  .optional()
  .transform((s) =>
    s
      ? s
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean)
      : [],
  );

export const sitingQuerySchema = z.object({
  radius: z.coerce.number().int().min(25).max(1000).default(200),
  cellSize: z.coerce.number().int().min(100).max(2000).default(250),
  categories: categoryList,
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type SitingQuery = z.infer<typeof sitingQuerySchema>;

export const evaluationQuerySchema = z.object({
  radius: z.coerce.number().int().min(25).max(1000).default(200),
  ringWidth: z.coerce.number().int().min(25).max(2000).default(300),
  months: z.coerce.number().int().min(1).max(36).default(12),
  comparisonArea: codeSchema,
  categories: categoryList,
});
export type EvaluationQuery = z.infer<typeof evaluationQuerySchema>;

export type CameraSiteStatus = z.infer<typeof cameraSiteStatusSchema>;

export interface LegalBasisSummary {
  kind: 'imy-permit' | 'self-assessment';
  decidedOn: string;
  /** Review date of a self-assessment, or the last valid day of a permit. */
  reviewOn: string | null;
}

export interface CameraWarning {
  kind: 'review-due' | 'review-overdue' | 'permit-expiring' | 'permit-expired';
  dueOn: string;
  /** Negative once the date has passed. */
  daysLeft: number;
}

/** GET /api/camera-sites item: the public contract fields first, then extensions. */
export interface CameraSiteListItem {
  id: string;
  name: string;
  status: CameraSiteStatus;
  areaCode: string;
  location: { lat: number; lon: number };
  legalBasis: LegalBasisSummary | null;
  areaName: string;
  organisationCode: string;
  organisationName: string;
  positionApproximate: boolean;
  cameraCount: number;
  installedOn: string | null;
  warnings: CameraWarning[];
}

export interface LegalBasisView extends LegalBasisSummary {
  reference: string;
  conditions: string;
  balancing: Balancing | null;
  dpia: Dpia | null;
  updatedAt: string;
}

export interface CameraSiteView extends Omit<CameraSiteListItem, 'legalBasis'> {
  legalBasis: LegalBasisView | null;
  placeCode: string | null;
  fieldOfView: FieldOfView | null;
  cameraType: string;
  purpose: string;
  focusAreaCode: string | null;
  motivation: string;
  motivatingReportIds: string[];
  /** The cited reports the viewer may open, with their numbers. */
  motivatingReports: { id: string; number: number }[];
  operatingHours: string;
  retentionDays: number | null;
  signage: boolean;
  responsibleName: string;
  responsibleUserId: string | null;
  decommissionedOn: string | null;
  nextStatuses: CameraSiteStatus[];
  /** What the viewer may do here; the web hides what the API would refuse. */
  can: { manage: boolean; seeDisclosures: boolean };
  createdAt: string;
  updatedAt: string;
}

export interface InspectionView {
  id: string;
  kind: 'inspection' | 'fault';
  occurredOn: string;
  working: boolean | null;
  maskingCorrect: boolean | null;
  signsPresent: boolean | null;
  note: string;
  resolvedOn: string | null;
  recordedByName: string;
  createdAt: string;
}

export interface DisclosureView {
  id: string;
  recipient: string;
  caseReference: string;
  recordingFrom: string;
  recordingTo: string;
  releasedAt: string;
  releasedByName: string;
  loggedByName: string;
  createdAt: string;
}
