import { workflowYamlBodySchema } from '@conveyor/api-contracts';
import { ZodValidationPipe } from '../validation/zod-validation.pipe';

/** YAML media types accepted as a raw workflow body (besides JSON `{ "yaml": "..." }`). */
export const YAML_MEDIA_TYPES = ['text/yaml', 'application/yaml', 'application/x-yaml', 'text/x-yaml', 'text/plain'];

const jsonBody = new ZodValidationPipe(workflowYamlBodySchema, 'request body');

/** The workflow's YAML from a raw text/yaml body or a JSON `{ yaml }` body. */
export function readWorkflowYaml(body: unknown): string {
  return jsonBody.transform(typeof body === 'string' ? { yaml: body } : body).yaml;
}
