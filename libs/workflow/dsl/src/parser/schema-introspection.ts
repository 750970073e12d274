import { z } from 'zod';
import { workflowSchema } from '../workflow.schema';
import { ProblemPath } from './yaml-source';
import { valueAt } from './data-paths';

type AnySchema = z.core.$ZodType;

/**
 * The field names the schema allows for the mapping at `path` (for "unknown field" hints).
 * Walks the zod definition alongside the data so unions pick the branch the data is written for.
 */
export function knownFieldsAt(data: unknown, path: ProblemPath): string[] {
  let schemas: AnySchema[] = [workflowSchema];
  for (let depth = 0; depth < path.length; depth++) {
    const segment = path[depth];
    const here = valueAt(data, path.slice(0, depth));
    schemas = schemas.flatMap((schema) => objectLike(schema, here)).flatMap((schema) => child(schema, segment));
  }
  const here = valueAt(data, path);
  const keys = schemas.flatMap((schema) => objectLike(schema, here)).flatMap((schema) => shapeKeys(schema));
  return [...new Set(keys)];
}

/** Unwraps optional/lazy/pipe and resolves unions to the branches that fit the value. */
function objectLike(schema: AnySchema, value: unknown): AnySchema[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
      return objectLike(def.innerType as AnySchema, value);
    case 'pipe':
      return objectLike(def.in as AnySchema, value);
    case 'lazy':
      return objectLike((def.getter as () => AnySchema)(), value);
    case 'union': {
      const options = (def.options as AnySchema[]).flatMap((option) => objectLike(option, value));
      const discriminator = def.discriminator as string | undefined;
      if (!discriminator || typeof value !== 'object' || value === null) return options;
      const wanted = (value as Record<string, unknown>)[discriminator];
      const matching = options.filter((option) => literalAt(option, discriminator) === wanted);
      return matching.length > 0 ? matching : options;
    }
    default:
      return [schema];
  }
}

function child(schema: AnySchema, segment: string | number): AnySchema[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  if (def.type === 'object') {
    const shape = def.shape as Record<string, AnySchema>;
    return typeof segment === 'string' && shape[segment] ? [shape[segment]] : [];
  }
  if (def.type === 'array') return [def.element as AnySchema];
  if (def.type === 'record') return [def.valueType as AnySchema];
  return [];
}

function shapeKeys(schema: AnySchema): string[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  return def.type === 'object' ? Object.keys(def.shape as Record<string, unknown>) : [];
}

function literalAt(schema: AnySchema, key: string): unknown {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  if (def.type !== 'object') return undefined;
  const field = (def.shape as Record<string, AnySchema>)[key];
  const fieldDef = field?._zod.def as unknown as { type: string; values?: unknown[] } | undefined;
  return fieldDef?.type === 'literal' ? fieldDef.values?.[0] : undefined;
}
