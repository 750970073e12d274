import { z } from 'zod';
import type { WorkflowDefinition } from '@conveyor/workflow-dsl';
import { validationProblemSchema } from './error-response.schema';

/** Workflow YAML sent as JSON (the API also takes the raw YAML as text/yaml). */
export const workflowYamlBodySchema = z.object({
  yaml: z.string().min(1, 'yaml must not be empty').max(1_000_000, 'yaml must be at most 1 MB'),
});
export type WorkflowYamlBody = z.infer<typeof workflowYamlBodySchema>;

export const revisionNumberSchema = z.coerce.number().int().min(1, 'revisions start at 1');

export const rollbackBodySchema = z.object({
  /** The earlier revision whose content becomes the new latest revision. */
  revision: z.number().int().min(1),
});
export type RollbackBody = z.infer<typeof rollbackBodySchema>;

export const diffQuerySchema = z.object({
  from: revisionNumberSchema,
  to: revisionNumberSchema,
});
export type DiffQuery = z.infer<typeof diffQuerySchema>;

export const workflowSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  latestRevision: z.number().int(),
  updatedAt: z.string(),
  triggers: z.array(z.string()),
});
export type WorkflowSummaryBody = z.infer<typeof workflowSummarySchema>;

export const workflowListSchema = z.object({ items: z.array(workflowSummarySchema) });
export type WorkflowListBody = z.infer<typeof workflowListSchema>;

export const workflowRevisionSchema = z.object({
  workflowId: z.string(),
  revision: z.number().int(),
  yaml: z.string(),
  definition: z
    .custom<WorkflowDefinition>((value) => typeof value === 'object' && value !== null)
    .meta({ type: 'object', description: 'The parsed workflow (WorkflowDefinition of @conveyor/workflow-dsl)' }),
  contentHash: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  rolledBackFrom: z.number().int().optional(),
});
export type WorkflowRevisionBody = z.infer<typeof workflowRevisionSchema>;

export const workflowRevisionListSchema = z.object({ items: z.array(workflowRevisionSchema) });
export type WorkflowRevisionListBody = z.infer<typeof workflowRevisionListSchema>;

/** 201 when a new revision was made, 200 with created=false when the content equals the latest revision. */
export const publishWorkflowResponseSchema = z.object({
  created: z.boolean(),
  revision: workflowRevisionSchema,
});
export type PublishWorkflowResponse = z.infer<typeof publishWorkflowResponseSchema>;

export const validateWorkflowResponseSchema = z.object({
  valid: z.boolean(),
  problems: z.array(validationProblemSchema),
});
export type ValidateWorkflowResponse = z.infer<typeof validateWorkflowResponseSchema>;

export const revisionDiffSchema = z.object({
  workflowId: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  /** Unified diff of the YAML text. */
  unified: z.string(),
});
export type RevisionDiffBody = z.infer<typeof revisionDiffSchema>;
