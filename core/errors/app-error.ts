/**
 * The one error type of HelloWord. `code` is stable and machine-readable; `userMessage` is safe
 * to show in a terminal, Slack, Discord or to a language model (no secrets, no stack), and says
 * what to do; `message` may carry internal detail for logs.
 */
export const APP_ERROR_CODES = {
  /** A flag, tool input, environment variable or other value given by a person is invalid. */
  BAD_INPUT: { exit: 2 },
  /** DATABASE_URL names an engine, host or file we cannot use as given. */
  BAD_DATABASE_URL: { exit: 2 },
  /** The database cannot be reached, opened or written (server down, wrong password, read-only folder, locked file). */
  DATABASE_UNAVAILABLE: { exit: 1 },
  /** The database holds migrations this version of HelloWord does not know: it is newer than the code. */
  DATABASE_NEWER_THAN_CODE: { exit: 1 },
  /** A migration failed earlier (or now) and must be looked at before HelloWord can start. */
  MIGRATION_FAILED: { exit: 1 },
  /** The thing asked for does not exist (case, SKU, store, proposal). */
  NOT_FOUND: { exit: 1 },
  /** A feature that a later release provides. */
  NOT_AVAILABLE_YET: { exit: 1 },
  /** Another process holds the lock for this job. */
  LOCKED: { exit: 1 },
  /** A platform refused a store's credentials (expired or revoked token, wrong secret). */
  PLATFORM_AUTH_FAILED: { exit: 1 },
  /** A platform kept failing (5xx, timeouts, rate limits) after every retry. */
  PLATFORM_UNAVAILABLE: { exit: 1 },
  /** A platform answered with something that is not its API's data (an HTML page, an empty body). */
  PLATFORM_BAD_RESPONSE: { exit: 1 },
  /** Anything unexpected. */
  INTERNAL: { exit: 1 },
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: AppErrorCode;
  readonly userMessage: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: AppErrorCode, userMessage: string, options?: { cause?: unknown; message?: string; details?: Record<string, unknown> }) {
    super(options?.message ?? userMessage, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.userMessage = userMessage;
    this.details = options?.details;
  }

  /** Process exit code for the command line: 2 for bad input, 1 for everything else. */
  get exitCode(): number {
    return APP_ERROR_CODES[this.code].exit;
  }

  static is(error: unknown): error is AppError {
    return error instanceof AppError;
  }

  /** Wraps anything that is not an AppError as INTERNAL, keeping the original as the cause. */
  static from(error: unknown): AppError {
    if (error instanceof AppError) return error;
    const message = error instanceof Error ? error.message : String(error);
    return new AppError('INTERNAL', 'Something unexpected went wrong. Run again with LOG_LEVEL=debug for details.', {
      cause: error,
      message,
    });
  }
}
