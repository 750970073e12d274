import { z } from 'zod';
import { workflowSchema } from './workflow.schema';

/** Where the generated schema is committed (relative to the repository root). */
export const WORKFLOW_JSON_SCHEMA_PATH = 'workflows/schema/workflow-v1.schema.json';

/**
 * JSON Schema of workflow files for editors (completion and hover help), generated from the same zod
 * definition the parser validates with, so the two cannot disagree. Semantic rules (needs, cycles,
 * expressions, cron) are not expressible here; `conveyor validate` reports them.
 */
export function workflowJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(workflowSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, title: 'Conveyor workflow (version 1)', ...rest };
}

/** The committed file's exact text: stable key order, two-space indent, trailing newline. */
export function workflowJsonSchemaText(): string {
  return `${JSON.stringify(workflowJsonSchema(), null, 2)}\n`;
}
