import type { Principal } from './principal';
import type { Role } from './role';

/** A machine's credential with its own roles. Only the hash of the secret is stored; the secret is shown once. */
export interface ApiKeyRecord {
  id: string;
  name: string;
  tokenHash: string;
  roles: Role[];
  /** Actor id of whoever created it (user:<id>, api-key:admin, ...). */
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface ApiKeyView {
  id: string;
  name: string;
  roles: Role[];
  createdBy: string;
  createdAt: string;
  lastUsedAt?: string;
  revokedAt?: string;
}

export function toApiKeyView(key: ApiKeyRecord): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    roles: [...key.roles],
    createdBy: key.createdBy,
    createdAt: key.createdAt.toISOString(),
    ...(key.lastUsedAt ? { lastUsedAt: key.lastUsedAt.toISOString() } : {}),
    ...(key.revokedAt ? { revokedAt: key.revokedAt.toISOString() } : {}),
  };
}

export function apiKeyPrincipal(key: ApiKeyRecord): Principal {
  return { kind: 'api-key', id: key.id, displayName: key.name, roles: [...key.roles], groups: [] };
}
