import { Background, Controls, ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import type { WorkflowStepSpec } from '../api/types';
import { layoutWorkflow } from './workflow-graph-model';

/** The steps and their `needs` (solid) and `onError` jumps (dashed), redrawn as the YAML changes. */
export function WorkflowGraph({ steps, statuses }: { steps: WorkflowStepSpec[]; statuses?: Record<string, string> }) {
  const { nodes, edges } = useMemo(() => {
    const layout = layoutWorkflow(steps, statuses);
    const flowNodes: Node[] = layout.nodes.map((node) => ({
      id: node.id,
      position: { x: node.x, y: node.y },
      data: { label: `${node.label} · ${node.type}${node.status ? ` · ${node.status}` : ''}` },
      className: `graph-node${node.status ? ` graph-node-${node.status}` : ''}`,
      draggable: false,
      connectable: false,
    }));
    const flowEdges: Edge[] = layout.edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      animated: edge.kind === 'on-error',
      style: edge.kind === 'on-error' ? { strokeDasharray: '6 4', stroke: '#c0392b' } : undefined,
      label: edge.kind === 'on-error' ? 'on error' : undefined,
    }));
    return { nodes: flowNodes, edges: flowEdges };
  }, [steps, statuses]);
  return (
    <div className="workflow-graph" data-testid="workflow-graph" aria-label={`Graph of ${steps.length} steps`} role="img">
      <ReactFlow nodes={nodes} edges={edges} fitView nodesConnectable={false} proOptions={{ hideAttribution: true }}>
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
