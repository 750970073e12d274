import { z } from 'zod';

/** The roles of @conveyor/identity, spelled out so clients (the portal) need no server code; a test keeps them equal. */
export const ROLE_NAMES = ['uploader', 'accountant', 'approver', 'admin', 'auditor'] as const;
export const roleSchema = z.enum(ROLE_NAMES);
export type RoleName = z.infer<typeof roleSchema>;

const email = z.string().trim().min(3).max(254);
/** Generous upper bound: the password policy (12 to 256 characters) is checked by the service with a clear message. */
const password = z.string().min(1).max(1024);
const groupName = z.string().min(1).max(64);

export const loginBodySchema = z.object({ email, password });
export type LoginBody = z.infer<typeof loginBodySchema>;

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  groups: z.array(z.string()),
  active: z.boolean(),
  /** Present while sign-in is locked after too many wrong passwords. */
  lockedUntil: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserBody = z.infer<typeof userSchema>;

export const loginResponseSchema = z.object({
  /** The session token: send it as "Authorization: Bearer <token>" (browsers get it as the conveyor_session cookie too). */
  token: z.string(),
  expiresAt: z.string(),
  user: userSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const meResponseSchema = z.object({
  kind: z.enum(['user', 'api-key', 'admin-token']),
  id: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  groups: z.array(z.string()),
  /** How this caller is recorded in run events and the audit trail (user:<id>, api-key:<id>). */
  actor: z.string(),
  /** For a signed-in person. */
  user: userSchema.optional(),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

export const userListSchema = z.object({ items: z.array(userSchema) });
export type UserListBody = z.infer<typeof userListSchema>;

export const createUserBodySchema = z.strictObject({
  email,
  displayName: z.string().min(1).max(200),
  password,
  roles: z.array(roleSchema).default([]),
  groups: z.array(groupName).default([]),
});
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

export const updateUserBodySchema = z
  .strictObject({
    displayName: z.string().min(1).max(200).optional(),
    roles: z.array(roleSchema).optional(),
    groups: z.array(groupName).optional(),
    active: z.boolean().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'name at least one of displayName, roles, groups, active');
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;

export const setPasswordBodySchema = z.strictObject({
  newPassword: password,
  /** Required when changing one's own password. */
  currentPassword: password.optional(),
});
export type SetPasswordBody = z.infer<typeof setPasswordBodySchema>;

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  createdBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().optional(),
  revokedAt: z.string().optional(),
});
export type ApiKeyBody = z.infer<typeof apiKeySchema>;

export const apiKeyListSchema = z.object({ items: z.array(apiKeySchema) });
export type ApiKeyListBody = z.infer<typeof apiKeyListSchema>;

export const createApiKeyBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  roles: z.array(roleSchema).min(1),
});
export type CreateApiKeyBody = z.infer<typeof createApiKeyBodySchema>;

export const createApiKeyResponseSchema = z.object({
  apiKey: apiKeySchema,
  /** The key itself, shown this once: send it as "Authorization: Bearer <secret>". */
  secret: z.string(),
});
export type CreateApiKeyResponse = z.infer<typeof createApiKeyResponseSchema>;
