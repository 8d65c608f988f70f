import { z } from 'zod';
import { roleSchema } from './common.ts';

export const loginSchema = z.strictObject({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(512),
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
  name: z.string().trim().min(1).max(200),
  password: z.string().min(12, 'at least 12 characters').max(512),
  organisationCode: z.string().min(1),
  role: roleSchema,
});
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  role: roleSchema.optional(),
  active: z.boolean().optional(),
  password: z.string().min(12).max(512).optional(),
  /** Clears a lockout after repeated failed logins. */
  unlock: z.literal(true).optional(),
});
export type UserUpdate = z.infer<typeof userUpdateSchema>;
