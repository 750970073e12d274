import type { EventService } from '@conveyor/workflow-runtime';
import type { WiringDeps } from './wiring-deps';

/** Document intake (issue 4). Placeholder until the documents lib lands. */
export async function wireDocuments(_deps: WiringDeps, _ports: { events: EventService }): Promise<{ documents: Record<string, never> }> {
  return { documents: {} };
}
