import { z } from 'zod';
import { AppError } from '../core/errors/app-error.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const ConfigSchema = z.object({
  DATABASE_URL: z.string().trim().min(1, 'is empty; unset it to use file:./data/helloword.db').default('file:./data/helloword.db'),
  HELLOWORD_NOW: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      const date = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) ? new Date(v) : new Date(Number.NaN);
      if (Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: 'custom', message: `"${v}" is not an ISO time; use e.g. 2026-06-30T12:00:00Z` });
        return z.NEVER;
      }
      return date;
    }),
  HELLOWORD_TZ: z
    .string()
    .trim()
    .default('UTC')
    .superRefine((v, ctx) => {
      if (!isTimeZone(v))
        ctx.addIssue({ code: 'custom', message: `"${v}" is not a time zone name; use an IANA name such as Asia/Shanghai, Europe/Berlin or UTC` });
    }),
  HELLOWORD_CURRENCY: z
    .string()
    .trim()
    .toUpperCase()
    .default('USD')
    .superRefine((v, ctx) => {
      if (!/^[A-Z]{3}$/.test(v))
        ctx.addIssue({ code: 'custom', message: `"${v}" is not a currency code; use a three-letter ISO code such as USD, EUR or CNY` });
    }),
  HELLOWORD_MCP_PORT: z
    .string()
    .trim()
    .default('8377')
    .superRefine((v, ctx) => {
      const n = Number(v);
      // 0 asks the system for any free port (tests, several instances on one machine).
      if (!/^\d+$/.test(v) || n > 65535) ctx.addIssue({ code: 'custom', message: `"${v}" is not a port; use a number from 1 to 65535 (default 8377)` });
    }),
  HELLOWORD_HOST: z
    .string()
    .trim()
    .default('127.0.0.1')
    .superRefine((v, ctx) => {
      if (!/^[A-Za-z0-9.:-]+$/.test(v))
        ctx.addIssue({ code: 'custom', message: `"${v}" is not a host address; use 127.0.0.1 (the default) or this machine's address` });
    }),
  LOG_LEVEL: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .superRefine((v, ctx) => {
      if (v !== undefined && !(LOG_LEVELS as readonly string[]).includes(v)) {
        ctx.addIssue({ code: 'custom', message: `"${v}" is not a log level; use one of ${LOG_LEVELS.join(', ')}` });
      }
    }),
});

export interface Config {
  databaseUrl: string;
  /** Pinned clock (HELLOWORD_NOW), or undefined for the real time. */
  now: Date | undefined;
  timeZone: string;
  /** The currency totals are reported in (HELLOWORD_CURRENCY, default USD). */
  reportingCurrency: string;
  /** Where `serve` offers MCP over HTTP (HELLOWORD_HOST, default 127.0.0.1; HELLOWORD_MCP_PORT, default 8377). */
  mcp: { host: string; port: number };
  logLevel: (typeof LOG_LEVELS)[number] | undefined;
}

/**
 * Reads and validates the environment once, at the edge. A bad value stops start-up with one
 * line naming the variable and what to put there.
 */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new AppError('BAD_INPUT', `${variable}: ${issue?.message ?? 'invalid value'}.`);
  }
  const c = parsed.data;
  return {
    databaseUrl: c.DATABASE_URL,
    now: c.HELLOWORD_NOW,
    timeZone: c.HELLOWORD_TZ,
    reportingCurrency: c.HELLOWORD_CURRENCY,
    mcp: { host: c.HELLOWORD_HOST, port: Number(c.HELLOWORD_MCP_PORT) },
    logLevel: c.LOG_LEVEL as Config['logLevel'],
  };
}
