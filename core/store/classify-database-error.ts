import { AppError } from '../errors/app-error.ts';
import { redactUrl } from '../logging/create-logger.ts';
import type { DatabaseTarget } from './parse-database-url.ts';

function codeOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/**
 * Turns a driver or file-system error met while opening the database into one line that names
 * the problem and what to do. Unknown errors stay INTERNAL so they are not misreported.
 */
export function classifyDatabaseError(error: unknown, target: DatabaseTarget): AppError {
  if (error instanceof AppError) return error;
  const code = codeOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  const fail = (message: string) => new AppError('DATABASE_UNAVAILABLE', message, { cause: error, message: `${message} (${detail})` });

  if (target.engine === 'sqlite') {
    const where = target.file;
    switch (code) {
      case 'SQLITE_BUSY':
      case 'SQLITE_LOCKED':
        return fail(`The database file ${where} is locked by another program. Stop the other HelloWord (or tool) using it, then try again.`);
      case 'SQLITE_READONLY':
      case 'SQLITE_CANTOPEN':
      case 'EACCES':
      case 'EPERM':
      case 'EROFS':
      case 'ENOTDIR':
      case 'EEXIST':
      case 'ENOENT':
        return fail(`Cannot write the database file ${where}. Make its folder writable, or set DATABASE_URL=file:<a writable path>.`);
      case 'SQLITE_NOTADB':
      case 'SQLITE_CORRUPT':
        return fail(`${where} is not a HelloWord database (or is damaged). Point DATABASE_URL at another file, or move this one away to start fresh.`);
      case 'SQLITE_FULL':
      case 'ENOSPC':
        return fail(`The disk holding ${where} is full. Free some space, then try again.`);
    }
    return AppError.from(error);
  }

  const safeUrl = redactUrl(target.url);
  const url = new URL(target.url);
  const hostPort = `${url.hostname}:${url.port || '5432'}`;
  switch (code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ECONNRESET':
      return fail(`PostgreSQL at ${hostPort} is not reachable (${code}). Check that the server is running and DATABASE_URL (${safeUrl}) is right.`);
    case '28P01':
    case '28000':
      return fail(`PostgreSQL at ${hostPort} refused the login of user "${decodeURIComponent(url.username)}". Check the user and password in DATABASE_URL.`);
    case '3D000':
      return fail(`PostgreSQL at ${hostPort} has no database "${url.pathname.slice(1)}". Create it (createdb ${url.pathname.slice(1)}) or fix DATABASE_URL.`);
    case '42501':
      return fail(
        `The PostgreSQL user "${decodeURIComponent(url.username)}" may not create tables in this database. Grant it CREATE on the schema, or use the database owner.`,
      );
    case '57P03':
      return fail(`PostgreSQL at ${hostPort} is starting up or shutting down. Try again in a moment.`);
  }
  if (/timeout/i.test(detail)) {
    return fail(`PostgreSQL at ${hostPort} did not answer in time. Check that the server is running and reachable.`);
  }
  return AppError.from(error);
}
