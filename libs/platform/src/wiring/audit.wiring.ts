import type { WiringDeps } from './wiring-deps';

/** The audit trail (issue 3). Placeholder until the audit lib lands. */
export async function wireAudit(_deps: WiringDeps): Promise<{ audit: Record<string, never> }> {
  return { audit: {} };
}
