import type { WiringDeps } from './wiring-deps';

/** People and machine access (issue 3). Placeholder until the identity lib lands. */
export async function wireIdentity(_deps: WiringDeps, _audit: Awaited<ReturnType<typeof import('./audit.wiring').wireAudit>>['audit']): Promise<{ identity: Record<string, never> }> {
  return { identity: {} };
}
