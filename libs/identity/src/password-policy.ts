import { DomainError } from '@conveyor/kernel';

export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase; bounded so nobody makes the server hash megabytes. */
export const MAX_PASSWORD_LENGTH = 256;

export interface PasswordContext {
  email: string;
  displayName?: string;
}

/**
 * Length over composition rules (as NIST SP 800-63B advises): at least 12 characters, and not
 * the user's own email, its name part or display name, which are the first things an attacker tries.
 */
export function passwordProblems(password: string, context: PasswordContext): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) problems.push(`must have at least ${MIN_PASSWORD_LENGTH} characters`);
  if (length > MAX_PASSWORD_LENGTH) problems.push(`must have at most ${MAX_PASSWORD_LENGTH} characters`);
  const lowered = password.trim().toLowerCase();
  const email = context.email.trim().toLowerCase();
  const guessable = [email, email.split('@')[0], context.displayName?.trim().toLowerCase()].filter((value): value is string => !!value);
  if (guessable.includes(lowered)) problems.push('must not be the email address or the name');
  if (length >= MIN_PASSWORD_LENGTH && new Set(password).size === 1) problems.push('must not repeat one character');
  return problems;
}

export function checkPasswordPolicy(password: string, context: PasswordContext): void {
  const problems = passwordProblems(password, context);
  if (problems.length > 0) {
    throw new DomainError('PASSWORD_INVALID', `The password ${problems.join(' and ')}`, { problems });
  }
}
