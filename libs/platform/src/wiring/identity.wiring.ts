import type { AuditEntry, AuditRecorder } from '@conveyor/audit';
import {
  Argon2PasswordHasher, DEFAULT_ARGON2_SETTINGS, IdentityService, type IdentityEvent, type IdentityEventSink, type NewUser,
} from '@conveyor/identity';
import { parseDuration } from '@conveyor/kernel';
import type { Logger } from '@conveyor/observability';
import { SqlIdentityRepository } from '@conveyor/persistence';
import type { wireAudit } from './audit.wiring';
import type { WiringDeps } from './wiring-deps';

type Audit = Awaited<ReturnType<typeof wireAudit>>['audit'];

/** Known on purpose: the demo accounts exist only with NODE_ENV=development (and are announced in the log). */
export const DEMO_PASSWORD = 'conveyor-demo-password';

/** One demo user per role. */
export const DEMO_USERS: readonly Omit<NewUser, 'password'>[] = [
  { email: 'admin@conveyor.local', displayName: 'Demo Admin', roles: ['admin'] },
  { email: 'uploader@conveyor.local', displayName: 'Demo Uploader', roles: ['uploader'] },
  { email: 'accountant@conveyor.local', displayName: 'Demo Accountant', roles: ['accountant'], groups: ['finance'] },
  { email: 'approver@conveyor.local', displayName: 'Demo Approver', roles: ['approver'], groups: ['finance'] },
  { email: 'auditor@conveyor.local', displayName: 'Demo Auditor', roles: ['auditor'] },
];

/**
 * People and machine access: the IdentityService over SQL with Argon2id hashes. In development (and
 * CONVEYOR_DEV_SEED on) an empty user table gets one demo user per role, announced in one log line.
 */
export async function wireIdentity(deps: WiringDeps, audit: Audit): Promise<{ identity: IdentityService }> {
  const { config, logger, clock, database } = deps;
  const hashing = { memoryKib: config.PASSWORD_HASH_MEMORY_KIB, timeCost: config.PASSWORD_HASH_TIME_COST };
  if (config.NODE_ENV === 'production' && (hashing.memoryKib < DEFAULT_ARGON2_SETTINGS.memoryKib || hashing.timeCost < DEFAULT_ARGON2_SETTINGS.timeCost)) {
    logger.warn({ ...hashing, recommended: DEFAULT_ARGON2_SETTINGS }, 'PASSWORD_HASH_MEMORY_KIB / PASSWORD_HASH_TIME_COST are below the recommended Argon2id cost');
  }
  const identity = new IdentityService({
    repository: new SqlIdentityRepository(database.dataSource),
    hasher: new Argon2PasswordHasher(hashing),
    clock,
    settings: {
      sessionLifetimeMs: parseDuration(config.SESSION_LIFETIME),
      lockout: { maxFailures: config.LOGIN_MAX_FAILURES, lockoutMs: parseDuration(config.LOGIN_LOCKOUT) },
    },
    events: auditSink(audit, logger),
  });
  if (config.NODE_ENV === 'development' && config.CONVEYOR_DEV_SEED) await announceDevelopmentSeed(identity, logger);
  return { identity };
}

async function announceDevelopmentSeed(identity: IdentityService, logger: Logger): Promise<void> {
  const created = await identity.seedUsers(DEMO_USERS, DEMO_PASSWORD);
  const demoEmails = new Set(DEMO_USERS.map((user) => user.email));
  const present = created ? [...demoEmails] : (await identity.listUsers()).filter((user) => demoEmails.has(user.email) && user.active).map((user) => user.email);
  if (present.length === 0) return;
  logger.warn(
    { seed: 'development', users: present },
    `development seed: ${created ? 'created' : 'found'} demo users ${present.join(', ')} with password "${DEMO_PASSWORD}"` +
      `${created ? '' : ' (unless changed)'}. For development only: never use these accounts in production.`,
  );
}

/**
 * Identity events go to the audit trail, each right after its change commits. Sign-in outcomes must
 * not fail because the trail is unavailable (they are logged instead); changes to users and keys must
 * be recorded, so their errors reach the caller.
 */
function auditSink(audit: AuditRecorder, logger: Logger): IdentityEventSink {
  return {
    async record(event: IdentityEvent) {
      const entry: AuditEntry = {
        actor: event.actor, action: event.type, entityType: event.subject.kind, entityId: event.subject.id,
        before: event.before, after: event.after, details: event.details, at: event.at,
      };
      if (!SIGN_IN_EVENTS.has(event.type)) return audit.record(entry);
      await audit.record(entry).catch((error: unknown) => logger.error({ err: error, action: event.type }, 'could not record a sign-in in the audit trail'));
    },
  };
}

const SIGN_IN_EVENTS = new Set<IdentityEvent['type']>(['user.signed-in', 'user.sign-in-failed', 'user.locked-out', 'user.signed-out']);
