/** Input schemas and view types of actions (åtgärder); pure zod and types, shared with the web app. */
import { z } from 'zod';
import { freeText, notFreeText, referenceCode } from './free-text.ts';
import { isoWeekSchema } from './common.ts';

export const actionStatusSchema = z.enum(['planned', 'in-progress', 'done', 'cancelled']);
export type ActionStatus = z.infer<typeof actionStatusSchema>;

const isoDate = z.iso.date();
const code = referenceCode();

export const actionCreateSchema = z
  .strictObject({
    title: freeText(z.string().trim().min(3).max(200)),
    description: freeText(z.string().trim().max(4000)).default(''),
    decidedWeek: isoWeekSchema,
    areaCode: code.nullable().optional(),
    placeCode: code.nullable().optional(),
    organisationCode: code,
    responsiblePerson: freeText(z.string().trim().max(200), { allowNames: true }).default(''),
    dueOn: isoDate,
    reportIds: z.array(z.uuid()).max(200).default([]),
  })
  .refine((a) => a.areaCode || a.placeCode, { message: 'give an area or a place', path: ['areaCode'] });
export type ActionCreate = z.infer<typeof actionCreateSchema>;

export const actionUpdateSchema = z
  .strictObject({
    title: freeText(z.string().trim().min(3).max(200)).optional(),
    description: freeText(z.string().trim().max(4000)).optional(),
    organisationCode: code.optional(),
    responsiblePerson: freeText(z.string().trim().max(200), { allowNames: true }).optional(),
    dueOn: isoDate.optional(),
    status: actionStatusSchema.optional(),
    outcomeNote: freeText(z.string().trim().max(4000)).optional(),
    reportIds: z.array(z.uuid()).max(200).optional(),
  })
  .refine((a) => Object.keys(a).length > 0, { message: 'nothing to change' });
export type ActionUpdate = z.infer<typeof actionUpdateSchema>;

export const actionListQuerySchema = z.strictObject({
  decidedWeek: isoWeekSchema.optional(),
  areaCode: code.optional(),
  /** The responsible organisation. */
  organisationCode: code.optional(),
  status: actionStatusSchema.optional(),
  open: z.enum(['true', 'false']).optional(),
});
export type ActionListQuery = z.infer<typeof actionListQuerySchema>;

/** A linked report as the action shows it: enough to name it (#number) and link to it. */
export interface LinkedReportView {
  id: string;
  number: number;
}

export interface ActionView {
  id: string;
  number: number;
  title: string;
  description: string;
  decidedWeek: string;
  areaCode: string | null;
  areaName: string | null;
  placeCode: string | null;
  placeName: string | null;
  organisationCode: string;
  organisationName: string;
  responsiblePerson: string;
  dueOn: string;
  status: ActionStatus;
  outcomeNote: string;
  /** Open and past its due date (Swedish local date). */
  overdue: boolean;
  /** Linked reports the viewer may see. */
  reportIds: string[];
  /**
   * The same reports with their numbers, in number order. Pictures published before this field
   * existed carry actions without it: readers of snapshots treat it as possibly absent.
   */
  linkedReports: LinkedReportView[];
  createdAt: string;
  updatedAt: string;
}
