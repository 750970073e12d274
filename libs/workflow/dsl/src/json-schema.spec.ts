import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKFLOW_JSON_SCHEMA_PATH, workflowJsonSchema, workflowJsonSchemaText } from './json-schema';

const REPOSITORY_ROOT = join(__dirname, '..', '..', '..', '..');

type Json = Record<string, any>;

describe('workflow JSON Schema', () => {
  it('is committed exactly as generated (run scripts/generate-json-schema.ts after changing the schema)', () => {
    const committed = readFileSync(join(REPOSITORY_ROOT, WORKFLOW_JSON_SCHEMA_PATH), 'utf8');
    expect(committed).toBe(workflowJsonSchemaText());
  });

  it('describes fields for hover help and keeps step `with` open', () => {
    const schema = workflowJsonSchema() as Json;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['id', 'steps']);
    const step = schema.properties.steps.items;
    expect(step.additionalProperties).toBe(false);
    expect(step.properties.with.type).toBe('object');
    expect(step.properties.with.additionalProperties).toEqual({});
    for (const field of ['id', 'type', 'with', 'needs', 'if', 'retry', 'timeout', 'onError', 'outputs', 'foreach']) {
      expect(typeof step.properties[field].description).toBe('string');
    }
    expect(schema.properties.triggers.items.oneOf.map((option: Json) => option.properties.type.const)).toEqual(['cron', 'event', 'webhook', 'manual']);
  });
});
