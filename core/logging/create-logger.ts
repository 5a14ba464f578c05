import { type Logger, pino } from 'pino';

export type Log = Logger;

/** Paths whose values never reach a log line, whatever object they sit in. */
export const REDACTED_PATHS = [
  'password',
  'token',
  'accessToken',
  'refreshToken',
  'clientSecret',
  'apiKey',
  'secret',
  'authorization',
  'headers.authorization',
  'headers.cookie',
  'databaseUrl',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.clientSecret',
  '*.apiKey',
  '*.secret',
  '*.authorization',
  '*.databaseUrl',
];

/**
 * JSON logs on stderr (stdout is for command output and the MCP protocol). Secrets are redacted
 * by key, and connection strings are passed through `redactUrl` before they are logged.
 */
export function createLogger(options: { level: string; destination?: pino.DestinationStream }): Log {
  return pino(
    {
      level: options.level,
      base: { app: 'helloword' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination ?? pino.destination({ fd: 2, sync: true }),
  );
}

/** A logger that drops everything, for tests and benchmarks. */
export function createSilentLogger(): Log {
  return pino({ level: 'silent' });
}

/** postgres://user:secret@host/db → postgres://user:***@host/db, safe to print. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
