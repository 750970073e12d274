import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { z } from 'zod';
import { openApiSchema } from './json-schema';

/** Documents each query parameter of a route from the schema its validation pipe checks, so the two never drift. */
export function ApiQueryParameters(schema: z.ZodType): MethodDecorator {
  const json = openApiSchema(schema, 'input');
  const required = new Set(json.required ?? []);
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, property]) => {
      const { description, ...propertySchema } = property as SchemaObject;
      return ApiQuery({ name, required: required.has(name), schema: propertySchema, ...(description ? { description } : {}) });
    }),
  );
}
