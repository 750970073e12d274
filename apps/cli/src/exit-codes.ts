/** What the shell sees: 0 done, 1 the work failed (invalid workflow, failed run), 2 usage or connection problem. */
export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Error codes that mean "you called it wrong or nothing is there to talk to" rather than "the work failed". */
const USAGE_CODES = new Set(['CLI_USAGE', 'API_UNREACHABLE', 'API_UNAUTHENTICATED', 'CONFIG_INVALID', 'FILE_UNREADABLE', 'ADMIN_TOKEN_REQUIRED', 'PASSWORD_REQUIRED']);

export function exitCodeForError(code: string | undefined): ExitCode {
  return code !== undefined && USAGE_CODES.has(code) ? EXIT.usage : EXIT.failed;
}
