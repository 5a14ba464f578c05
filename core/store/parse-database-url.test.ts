import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from './parse-database-url.ts';

describe('parseDatabaseUrl', () => {
  it('resolves a relative SQLite path against the working folder', () => {
    expect(parseDatabaseUrl('file:./data/helloword.db', '/srv/hw')).toEqual({
      engine: 'sqlite',
      url: 'file:./data/helloword.db',
      file: '/srv/hw/data/helloword.db',
    });
    expect(parseDatabaseUrl('file:/var/lib/hw.db?mode=rwc', '/srv/hw')).toMatchObject({ engine: 'sqlite', file: '/var/lib/hw.db' });
  });

  it('accepts both PostgreSQL schemes', () => {
    expect(parseDatabaseUrl('postgres://hw:pw@db:5432/helloword')).toEqual({ engine: 'postgresql', url: 'postgres://hw:pw@db:5432/helloword' });
    expect(parseDatabaseUrl('postgresql://hw@127.0.0.1/helloword').engine).toBe('postgresql');
  });

  it.each([
    ['mysql://root@localhost/hw', /uses "mysql:"/],
    ['./data/helloword.db', /is not a database URL/],
    ['file:', /needs a file path/],
    ['postgres://host-only', /must name a host and a database/],
  ])('rejects %s with a message that shows the accepted forms', (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(expect.objectContaining({ code: 'BAD_DATABASE_URL', userMessage: expect.stringMatching(message) }));
  });
});
