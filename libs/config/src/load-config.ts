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
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new DomainError('CONFIG_INVALID', `Invalid configuration:\n  ${problems.join('\n  ')}`, { problems });
  }
  return Object.freeze(parsed.data);
}
