import { DomainError } from '@conveyor/kernel';
import { configSchema, type RawConfig } from './config.schema';

export type ConveyorConfig = Readonly<RawConfig>;

/**
 * Reads and checks the environment once, at start-up. Every bad variable is listed in one error,
 * so an operator fixes them all in one go. Empty strings count as unset.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): ConveyorConfig {
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') cleaned[key] = value;
  }
  const parsed = configSchema.safeParse(cleaned);
  const problems = parsed.success ? crossFieldProblems(parsed.data) : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  if (!parsed.success || problems.length > 0) {
    throw new DomainError('CONFIG_INVALID', `Invalid configuration:\n  ${problems.join('\n  ')}`, { problems });
  }
  return Object.freeze(parsed.data);
}

/** Rules that tie several variables together (the schema checks each one alone). */
function crossFieldProblems(config: RawConfig): string[] {
  const problems: string[] = [];
  if (config.DOCUMENT_STORAGE === 's3' && !config.DOCUMENT_S3_BUCKET) problems.push('DOCUMENT_S3_BUCKET: required when DOCUMENT_STORAGE=s3');
  if (Boolean(config.DOCUMENT_S3_ACCESS_KEY_ID) !== Boolean(config.DOCUMENT_S3_SECRET_ACCESS_KEY)) {
    problems.push('DOCUMENT_S3_ACCESS_KEY_ID and DOCUMENT_S3_SECRET_ACCESS_KEY: set both or neither');
  }
  return problems;
}
