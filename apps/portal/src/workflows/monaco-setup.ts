import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import 'monaco-editor/esm/vs/editor/editor.all.js';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
import { configureMonacoYaml } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import YamlWorker from './yaml.worker.js?worker';
import workflowSchema from '@workflow-schema';

/** The URI every workflow model gets, so the workflow JSON Schema applies to it. */
export const WORKFLOW_MODEL_GLOB = '**/*.workflow.yaml';

// Both workers are bundled by Vite and served from our origin; nothing is fetched at run time.
window.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

interface WorkerRequest {
  worker?: Worker | Promise<Worker>;
  label?: string;
  moduleId?: string;
  createData?: unknown;
  host?: Record<string, unknown>;
  keepIdleModels?: boolean;
}

/**
 * monaco-yaml 5.5 (through monaco-worker-manager) still asks Monaco for its worker by label and module id, with
 * createData; Monaco 0.54 wants the Worker itself, handed its createData first, as Monaco's own JSON support does.
 * monaco-yaml gets a Monaco whose createWebWorker does that for the yaml worker (and nothing else changes).
 */
function createYamlAwareWebWorker(request: WorkerRequest) {
  const create = monaco.editor.createWebWorker as (options: WorkerRequest) => ReturnType<typeof monaco.editor.createWebWorker>;
  if (request.worker || request.label !== 'yaml') return create(request);
  const worker = new YamlWorker();
  worker.postMessage('ignore');
  worker.postMessage(request.createData);
  return create({ worker, host: request.host, keepIdleModels: request.keepIdleModels });
}

const monacoForYaml = { ...monaco, editor: { ...monaco.editor, createWebWorker: createYamlAwareWebWorker } } as unknown as typeof monaco;

configureMonacoYaml(monacoForYaml, {
  enableSchemaRequest: false,
  hover: true,
  completion: true,
  validate: true,
  // Our workflows start with the modeline `# yaml-language-server: $schema=./schema/workflow-v1.schema.json`; models
  // live at file:///<id>.workflow.yaml, so the modeline points at this URI, which must hold the schema itself.
  schemas: [{ uri: 'file:///schema/workflow-v1.schema.json', fileMatch: [WORKFLOW_MODEL_GLOB], schema: workflowSchema as never }],
});

export { monaco };
