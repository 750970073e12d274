/**
 * Writes the editor JSON Schema of workflow files from the zod model.
 * Run from the repository root:
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register libs/workflow/dsl/scripts/generate-json-schema.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { WORKFLOW_JSON_SCHEMA_PATH, workflowJsonSchemaText } from '../src/json-schema';

const repositoryRoot = resolve(__dirname, '../../../..');
const target = resolve(repositoryRoot, WORKFLOW_JSON_SCHEMA_PATH);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, workflowJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
