import dagre from '@dagrejs/dagre';
import { parse } from 'yaml';
import type { WorkflowStepSpec } from '../api/types';

export interface GraphNode {
  id: string;
  label: string;
  type: string;
  x: number;
  y: number;
  status?: string;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: 'needs' | 'on-error';
}

const NODE_WIDTH = 180;
const NODE_HEIGHT = 56;

export function needsOf(step: WorkflowStepSpec): string[] {
  return step.needs === undefined ? [] : Array.isArray(step.needs) ? step.needs : [step.needs];
}

/** The steps of the YAML being edited, or undefined while it does not parse (the editor shows why). */
export function stepsFromYaml(yamlText: string): WorkflowStepSpec[] | undefined {
  try {
    const document = parse(yamlText) as { steps?: unknown } | null;
    if (!document || !Array.isArray(document.steps)) return undefined;
    return document.steps.filter((step): step is WorkflowStepSpec => typeof step === 'object' && step !== null && typeof (step as WorkflowStepSpec).id === 'string');
  } catch {
    return undefined;
  }
}

/** Steps as boxes and their dependencies as arrows, laid out top to bottom by dagre. */
export function layoutWorkflow(steps: WorkflowStepSpec[], statuses: Record<string, string> = {}): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: 30, ranksep: 50 });
  graph.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(steps.map((step) => step.id));
  const edges: GraphEdge[] = [];
  for (const step of steps) {
    graph.setNode(step.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
    for (const need of needsOf(step)) {
      if (!ids.has(need)) continue;
      edges.push({ id: `${need}->${step.id}`, source: need, target: step.id, kind: 'needs' });
      graph.setEdge(need, step.id);
    }
    const onErrorTarget = typeof step.onError === 'object' ? step.onError?.goto : undefined;
    if (onErrorTarget && ids.has(onErrorTarget) && !needsOf(steps.find((candidate) => candidate.id === onErrorTarget)!).includes(step.id)) {
      edges.push({ id: `${step.id}-x->${onErrorTarget}`, source: step.id, target: onErrorTarget, kind: 'on-error' });
    }
  }
  dagre.layout(graph);
  const nodes = steps.map((step) => {
    const position = graph.node(step.id);
    return { id: step.id, label: step.id, type: step.type, x: position.x - NODE_WIDTH / 2, y: position.y - NODE_HEIGHT / 2, status: statuses[step.id] };
  });
  return { nodes, edges };
}
