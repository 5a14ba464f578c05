import { describe, expect, it } from 'vitest';
import { readConfig } from './read-config.ts';

describe('readConfig', () => {
  it('uses the embedded defaults when nothing is set', () => {
    expect(readConfig({})).toEqual({
      databaseUrl: 'file:./data/helloword.db',
      now: undefined,
      timeZone: 'UTC',
      reportingCurrency: 'USD',
      mcp: { host: '127.0.0.1', port: 8377 },
      logLevel: undefined,
    });
  });

  it('reads every setting', () => {
    expect(
      readConfig({
        DATABASE_URL: 'postgres://hw@db/hw',
        HELLOWORD_NOW: '2026-06-30T12:00:00Z',
        HELLOWORD_TZ: 'Asia/Shanghai',
        HELLOWORD_CURRENCY: 'cny',
        HELLOWORD_MCP_PORT: '9000',
        HELLOWORD_HOST: '0.0.0.0',
        LOG_LEVEL: 'DEBUG',
      }),
    ).toEqual({
      databaseUrl: 'postgres://hw@db/hw',
      now: new Date('2026-06-30T12:00:00Z'),
      timeZone: 'Asia/Shanghai',
      reportingCurrency: 'CNY',
      mcp: { host: '0.0.0.0', port: 9000 },
      logLevel: 'debug',
    });
    expect(readConfig({ HELLOWORD_NOW: '2026-06-30' }).now).toEqual(new Date('2026-06-30T00:00:00Z'));
  });

  it.each([
    [{ HELLOWORD_TZ: 'Mars/Olympus_Mons' }, 'HELLOWORD_TZ: "Mars/Olympus_Mons" is not a time zone name'],
    [{ HELLOWORD_NOW: 'yesterday' }, 'HELLOWORD_NOW: "yesterday" is not an ISO time'],
    [{ HELLOWORD_NOW: '2026-13-45T00:00:00Z' }, 'HELLOWORD_NOW: "2026-13-45T00:00:00Z" is not an ISO time'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL: "loud" is not a log level'],
    [{ DATABASE_URL: ' ' }, 'DATABASE_URL: is empty'],
    [{ HELLOWORD_MCP_PORT: '99999' }, 'HELLOWORD_MCP_PORT: "99999" is not a port'],
    [{ HELLOWORD_HOST: 'my host' }, 'HELLOWORD_HOST: "my host" is not a host address'],
    [{ HELLOWORD_CURRENCY: 'dollars' }, 'HELLOWORD_CURRENCY: "DOLLARS" is not a currency code'],
  ])('names the variable and the fix for %o', (env, message) => {
    expect(() => readConfig(env)).toThrow(expect.objectContaining({ code: 'BAD_INPUT', userMessage: expect.stringContaining(message) }));
  });
});
