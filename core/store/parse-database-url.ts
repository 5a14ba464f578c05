import path from 'node:path';
import { AppError } from '../errors/app-error.ts';
import type { Engine } from './sql-driver.ts';

export type DatabaseTarget = { engine: Extract<Engine, 'sqlite'>; url: string; file: string } | { engine: Extract<Engine, 'postgresql'>; url: string };

/**
 * `file:./data/helloword.db` (relative to the working folder) or `postgres://…` /
 * `postgresql://…`. Anything else is a usage error that says what the two forms look like.
 */
export function parseDatabaseUrl(url: string, cwd: string = process.cwd()): DatabaseTarget {
  const trimmed = url.trim();
  if (trimmed.startsWith('file:')) {
    const rest = trimmed.slice('file:'.length).replace(/\?.*$/, '');
    if (rest === '' || rest === ':memory:') {
      throw new AppError('BAD_DATABASE_URL', 'DATABASE_URL needs a file path after "file:", for example file:./data/helloword.db.');
    }
    return { engine: 'sqlite', url: trimmed, file: path.resolve(cwd, rest) };
  }
  if (/^postgres(ql)?:\/\//.test(trimmed)) {
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      throw new AppError('BAD_DATABASE_URL', 'DATABASE_URL looks like PostgreSQL but is not a valid URL: use postgres://user:password@host:5432/database.');
    }
    if (!parsed.hostname || parsed.pathname.length <= 1) {
      throw new AppError('BAD_DATABASE_URL', 'DATABASE_URL must name a host and a database: postgres://user:password@host:5432/database.');
    }
    return { engine: 'postgresql', url: trimmed };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1];
  throw new AppError(
    'BAD_DATABASE_URL',
    `DATABASE_URL ${scheme ? `uses "${scheme}:", which HelloWord does not support` : 'is not a database URL'}: use file:./data/helloword.db (SQLite) or postgres://user:password@host:5432/database (PostgreSQL).`,
  );
}
