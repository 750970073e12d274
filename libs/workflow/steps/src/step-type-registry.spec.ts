import { DomainError } from '@conveyor/kernel';
import type { StepType } from '@conveyor/workflow-engine';
import { builtInStepTypes } from './built-in-step-types';
import { catalogFromRegistry, createStepTypeRegistry } from './step-type-registry';

const options = { allowPrivateAddresses: false, maxResponseBytes: 1024 * 1024 };

describe('createStepTypeRegistry', () => {
  it('finds every built-in step type by name', () => {
    const registry = createStepTypeRegistry(builtInStepTypes(options));
    expect(registry.types()).toEqual(['delay', 'fail', 'http', 'log', 'noop', 'subworkflow']);
    expect(registry.get('http')?.type).toBe('http');
    expect(registry.get('extract')).toBeUndefined();
  });

  it('accepts step types of later domains next to the built-in ones', () => {
    const approval: StepType = {
      type: 'approval',
      description: 'test double of a domain step type',
      parseInput: (input) => input as Record<string, unknown>,
      execute: async () => ({ status: 'waiting', signal: 'approval:1' }),
    };
    const registry = createStepTypeRegistry([...builtInStepTypes(options), approval]);
    expect(registry.get('approval')).toBe(approval);
  });

  it('refuses two step types with the same name', () => {
    const types = builtInStepTypes(options);
    let thrown: unknown;
    try {
      createStepTypeRegistry([...types, types[0]]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).code).toBe('DUPLICATE_STEP_TYPE');
    expect((thrown as DomainError).message).toContain(`"${types[0].type}"`);
  });
});

describe('catalogFromRegistry', () => {
  const catalog = catalogFromRegistry(createStepTypeRegistry(builtInStepTypes(options)));

  it('answers has/types like the registry', () => {
    expect(catalog.has('log')).toBe(true);
    expect(catalog.has('nope')).toBe(false);
    expect(catalog.types()).toContain('subworkflow');
  });

  it('checks literal `with` values and reports problems by path', () => {
    expect(catalog.checkWith('log', { message: 'hello' })).toEqual([]);
    expect(catalog.checkWith('log', { level: 'loud' })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['message'] }),
        expect.objectContaining({ path: ['level'] }),
      ]),
    );
    expect(catalog.checkWith('log', { message: 'x', mesage: 'typo' })).toEqual([{ path: ['mesage'], message: 'is not a known field' }]);
  });

  it('leaves values holding expressions to run time', () => {
    expect(catalog.checkWith('delay', { duration: '${{ inputs.wait }}' })).toEqual([]);
    expect(catalog.checkWith('http', { url: '${{ inputs.url }}', method: '${{ inputs.method }}', headers: '${{ steps.a.outputs }}' })).toEqual([]);
    expect(catalog.checkWith('log', { message: 'hi ${{ inputs.name }}', fields: '${{ inputs.fields }}' })).toEqual([]);
  });

  it('returns no problems for unknown types (the DSL reports those itself)', () => {
    expect(catalog.checkWith('nope', { anything: 1 })).toEqual([]);
  });

  it('turns a checker that throws into a problem instead of a crash', () => {
    const broken: StepType = {
      type: 'broken',
      description: 'a step type whose checker throws',
      parseInput: (input) => input as Record<string, unknown>,
      checkWith: () => {
        throw new Error('checker bug');
      },
      execute: async () => ({ status: 'succeeded', outputs: {} }),
    };
    const brokenCatalog = catalogFromRegistry(createStepTypeRegistry([broken]));
    expect(brokenCatalog.checkWith('broken', {})).toEqual([{ path: [], message: 'could not be checked: checker bug' }]);
  });
});
