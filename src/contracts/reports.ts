import { z } from 'zod';
import { freeText, referenceCode } from './free-text.ts';
import { isoWeekSchema, latLonSchema } from './common.ts';

export const reportTargetSchema = z.enum(['person', 'property', 'business', 'public-space']);
export const reportSeveritySchema = z.enum(['low', 'medium', 'high']);
export const reportVisibilitySchema = z.enum(['partnership', 'restricted']);
export const reportStatusSchema = z.enum(['new', 'reviewed', 'closed', 'withdrawn']);
export type ReportStatus = z.infer<typeof reportStatusSchema>;

const isoDateTime = z.iso.datetime({ offset: true });

const reportFields = {
  categoryCode: referenceCode(),
  occurredAt: isoDateTime,
  /** End of a time window when the exact time is unknown. */
  occurredUntil: isoDateTime.nullable().optional(),
  location: latLonSchema.optional(),
  /** A named place; its position is used when no location is given. */
  placeCode: referenceCode().nullable().optional(),
  target: reportTargetSchema.default('public-space'),
  description: freeText(z.string().trim().min(3, 'at least 3 characters').max(2000)),
  severity: reportSeveritySchema.default('medium'),
  visibility: reportVisibilitySchema.default('partnership'),
};

export const reportCreateSchema = z
  .strictObject(reportFields)
  .refine((r) => r.location !== undefined || r.placeCode, {
    message: 'give a location or a placeCode',
    path: ['location'],
  })
  // Compared as instants: `21:30Z` is after `22:00+02:00`, which a string comparison gets wrong.
  .refine((r) => !r.occurredUntil || Date.parse(r.occurredUntil) >= Date.parse(r.occurredAt), {
    message: 'occurredUntil must not be before occurredAt',
    path: ['occurredUntil'],
  });
export type ReportCreate = z.infer<typeof reportCreateSchema>;

export const reportCorrectionSchema = z.strictObject({
  categoryCode: reportFields.categoryCode.optional(),
  occurredAt: isoDateTime.optional(),
  occurredUntil: reportFields.occurredUntil,
  location: latLonSchema.optional(),
  placeCode: reportFields.placeCode,
  target: reportTargetSchema.optional(),
  description: reportFields.description.optional(),
  severity: reportSeveritySchema.optional(),
  visibility: reportVisibilitySchema.optional(),
});
export type ReportCorrection = z.infer<typeof reportCorrectionSchema>;

export const reportReviewSchema = z.strictObject({
  status: z.enum(['reviewed', 'closed']),
  note: freeText(z.string().trim().max(2000)).optional(),
});
export type ReportReview = z.infer<typeof reportReviewSchema>;

export const reportListQuerySchema = z.strictObject({
  week: isoWeekSchema.optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  areaCode: referenceCode().optional(),
  categoryCode: referenceCode().optional(),
  focusAreaCode: referenceCode().optional(),
  organisationCode: referenceCode().optional(),
  status: reportStatusSchema.optional(),
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ReportListQuery = z.infer<typeof reportListQuerySchema>;

export interface ReportView {
  id: string;
  number: number;
  categoryCode: string;
  categoryName: string;
  focusAreaCode: string;
  occurredAt: string;
  occurredUntil: string | null;
  location: { lat: number; lon: number };
  areaCode: string;
  areaName: string;
  placeCode: string | null;
  placeName: string | null;
  target: z.infer<typeof reportTargetSchema>;
  description: string;
  severity: z.infer<typeof reportSeveritySchema>;
  visibility: z.infer<typeof reportVisibilitySchema>;
  status: ReportStatus;
  organisationCode: string;
  organisationName: string;
  authorName: string;
  /** True when the viewer wrote it (may still correct or withdraw it while new). */
  mine: boolean;
  reviewNote: string | null;
  reviewedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ReportListView {
  items: ReportView[];
  total: number;
}
