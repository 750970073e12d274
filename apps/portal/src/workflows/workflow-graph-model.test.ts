import { describe, expect, it } from 'vitest';
import { layoutWorkflow, stepsFromYaml } from './workflow-graph-model';

const YAML = `
id: demo
steps:
  - id: extract
    type: extract
    onError: { goto: manual }
  - id: review
    type: approval
    needs: extract
  - id: accepted
    type: log
    needs: [extract, review]
  - id: manual
    type: approval
    needs: extract
`;

describe('workflow graph', () => {
  it('draws needs as edges and onError jumps separately, top to bottom', () => {
    const steps = stepsFromYaml(YAML)!;
    const { nodes, edges } = layoutWorkflow(steps, { extract: 'succeeded' });
    expect(edges.filter((edge) => edge.kind === 'needs').map((edge) => edge.id).sort()).toEqual(['extract->accepted', 'extract->manual', 'extract->review', 'review->accepted']);
    const y = Object.fromEntries(nodes.map((node) => [node.id, node.y]));
    expect(y['extract']).toBeLessThan(y['review']);
    expect(y['review']).toBeLessThan(y['accepted']);
    expect(nodes.find((node) => node.id === 'extract')?.status).toBe('succeeded');
  });

  it('has no graph while the YAML does not parse, and ignores needs on unknown steps', () => {
    expect(stepsFromYaml('steps: [')).toBeUndefined();
    const { edges } = layoutWorkflow(stepsFromYaml('steps:\n  - { id: a, type: log, needs: ghost }\n')!);
    expect(edges).toEqual([]);
  });
});
