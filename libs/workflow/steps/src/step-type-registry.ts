import { DomainError } from '@conveyor/kernel';
import type { StepType, StepTypeRegistry } from '@conveyor/workflow-engine';

/** What the DSL validator needs to know about step types (the shape of its StepTypeCatalog). */
export interface StepTypeCatalogView {
  has(type: string): boolean;
  types(): string[];
  checkWith(type: string, withValues: Record<string, unknown>): { path: (string | number)[]; message: string }[];
}

/** The engine finds step types only here; built-in and domain step types register the same way. */
export function createStepTypeRegistry(types: StepType[]): StepTypeRegistry {
  const byName = new Map<string, StepType>();
  for (const stepType of types) {
    if (byName.has(stepType.type)) {
      throw new DomainError('DUPLICATE_STEP_TYPE', `Step type "${stepType.type}" is registered twice`, { type: stepType.type });
    }
    byName.set(stepType.type, stepType);
  }
  return {
    get: (type) => byName.get(type),
    types: () => [...byName.keys()].sort(),
  };
}

/** Lets the DSL validate workflows against the registered step types without depending on the engine. */
export function catalogFromRegistry(registry: StepTypeRegistry): StepTypeCatalogView {
  return {
    has: (type) => registry.get(type) !== undefined,
    types: () => registry.types(),
    checkWith: (type, withValues) => {
      const stepType = registry.get(type);
      if (!stepType?.checkWith) return [];
      try {
        return stepType.checkWith(withValues ?? {});
      } catch (error) {
        // A faulty checker must not break publishing with a crash; report it as a problem of the step.
        return [{ path: [], message: `could not be checked: ${error instanceof Error ? error.message : String(error)}` }];
      }
    },
  };
}
