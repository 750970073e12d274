import { eventNameSchema } from './event.schema';
import { listRunsQuerySchema, runIdSchema, startRunBodySchema } from './run.schema';
import { diffQuerySchema, workflowYamlBodySchema } from './workflow.schema';

describe('API contract schemas', () => {
  it('reads query strings into numbers and checks them', () => {
    expect(listRunsQuerySchema.parse({ limit: '20', status: 'failed' })).toEqual({ limit: 20, status: 'failed' });
    expect(listRunsQuerySchema.safeParse({ limit: '0' }).success).toBe(false);
    expect(listRunsQuerySchema.safeParse({ limit: '500' }).success).toBe(false);
    expect(listRunsQuerySchema.safeParse({ status: 'exploded' }).success).toBe(false);
    expect(diffQuerySchema.parse({ from: '1', to: '3' })).toEqual({ from: 1, to: 3 });
    expect(diffQuerySchema.safeParse({ from: '1' }).success).toBe(false);
  });

  it('defaults the inputs of a run and refuses inputs that are not an object', () => {
    expect(startRunBodySchema.parse({})).toEqual({ inputs: {} });
    expect(startRunBodySchema.safeParse({ inputs: 'x' }).success).toBe(false);
    expect(startRunBodySchema.safeParse({ inputs: {}, revision: 0 }).success).toBe(false);
  });

  it('knows what run ids, event names and workflow bodies look like', () => {
    expect(runIdSchema.safeParse('0b7f0c4e-1a2b-4c3d-8e9f-001122334455').success).toBe(true);
    expect(runIdSchema.safeParse('not-a-run').success).toBe(false);
    expect(eventNameSchema.safeParse('document.uploaded').success).toBe(true);
    expect(eventNameSchema.safeParse('document uploaded').success).toBe(false);
    expect(eventNameSchema.safeParse('.hidden').success).toBe(false);
    expect(workflowYamlBodySchema.safeParse({ yaml: '' }).success).toBe(false);
  });
});
