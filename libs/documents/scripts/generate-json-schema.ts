/**
 * Writes the JSON Schema of the extraction result from the zod model.
 * Run from the repository root:
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register libs/documents/scripts/generate-json-schema.ts
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXTRACTION_RESULT_JSON_SCHEMA_PATH, extractionResultJsonSchemaText } from '../src/extraction-result';

const target = resolve(__dirname, '../../..', EXTRACTION_RESULT_JSON_SCHEMA_PATH);
writeFileSync(target, extractionResultJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
