import { type PipeTransform } from '@nestjs/common';
import { DomainError } from '@conveyor/kernel';
import type { z } from 'zod';

/** Checks a body, query, header or path parameter against a schema from @conveyor/api-contracts. */
export class ZodValidationPipe<Schema extends z.ZodType> implements PipeTransform<unknown, z.output<Schema>> {
  constructor(
    private readonly schema: Schema,
    private readonly what = 'request',
    /** What an absent value counts as (bodies: `{}`, so optional bodies may be left out). */
    private readonly absentAs: unknown = undefined,
  ) {}

  transform(value: unknown): z.output<Schema> {
    const parsed = this.schema.safeParse(value === undefined ? this.absentAs : value);
    if (parsed.success) return parsed.data;
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
    const summary = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
    throw new DomainError('BAD_REQUEST', `Invalid ${this.what}: ${summary}`, { issues });
  }
}

/** Shorthands that name what was wrong in the error message. */
export const validBody = <Schema extends z.ZodType>(schema: Schema) => new ZodValidationPipe(schema, 'request body', {});
export const validQuery = <Schema extends z.ZodType>(schema: Schema) => new ZodValidationPipe(schema, 'query', {});
export const validParam = <Schema extends z.ZodType>(schema: Schema, name: string) =>
  new ZodValidationPipe(schema, `path parameter "${name}"`);
