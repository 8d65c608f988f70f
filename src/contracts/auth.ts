import { z } from 'zod';
import { freeText, notFreeText, referenceCode } from './free-text.ts';
import { roleSchema } from './common.ts';

export const loginSchema = z.strictObject({
  email: notFreeText(z.string().trim().min(3).max(254), 'the login address, compared, never stored'),
  password: notFreeText(z.string().min(1).max(512), 'a secret, hashed, never stored'),
});
export type Login = z.infer<typeof loginSchema>;

export const userViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  organisationCode: z.string(),
  organisationName: z.string(),
  active: z.boolean(),
});
export type UserView = z.infer<typeof userViewSchema>;

export const sessionViewSchema = z.object({ user: userViewSchema, csrfToken: z.string() });
export type SessionView = z.infer<typeof sessionViewSchema>;

export const userCreateSchema = z.strictObject({
  email: z.email().max(254),
  name: freeText(z.string().trim().min(1).max(200), { allowNames: true }),
  password: notFreeText(z.string().min(12, 'at least 12 characters').max(512), 'a secret, hashed'),
  organisationCode: referenceCode(),
  role: roleSchema,
});
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z.strictObject({
  name: freeText(z.string().trim().min(1).max(200), { allowNames: true }).optional(),
  role: roleSchema.optional(),
  active: z.boolean().optional(),
  password: notFreeText(z.string().min(12).max(512), 'a secret, hashed').optional(),
  /** Clears a lockout after repeated failed logins. */
  unlock: z.literal(true).optional(),
});
export type UserUpdate = z.infer<typeof userUpdateSchema>;
