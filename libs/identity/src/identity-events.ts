/** Something that changed who may do what, or a sign-in: what the audit trail records. */
export interface IdentityEvent {
  type:
    | 'user.signed-in'
    | 'user.sign-in-failed'
    | 'user.locked-out'
    | 'user.signed-out'
    | 'user.created'
    | 'user.updated'
    | 'user.password-changed'
    | 'api-key.created'
    | 'api-key.revoked';
  /** Who did it (user:<id>, api-key:<id>, api-key:admin); for sign-ins, the user signing in. */
  actor: string;
  /** What it was done to. */
  subject: { kind: 'user' | 'api-key'; id: string };
  /** The views before and after (never a password hash or a secret). */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  details?: Record<string, unknown>;
  at: Date;
}

/** Receives identity events (the platform wires it to the audit trail). */
export interface IdentityEventSink {
  record(event: IdentityEvent): Promise<void>;
}

export const DISCARD_IDENTITY_EVENTS: IdentityEventSink = { record: async () => undefined };
