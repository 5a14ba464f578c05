import { describe, expect, it } from 'vitest';
import { readConfig } from './read-config.ts';

describe('readConfig', () => {
  it('uses the embedded defaults when nothing is set', () => {
    expect(readConfig({})).toEqual({ databaseUrl: 'file:./data/helloword.db', now: undefined, timeZone: 'UTC', reportingCurrency: 'USD', logLevel: undefined });
  });

  it('reads every setting', () => {
    expect(
      readConfig({
        DATABASE_URL: 'postgres://hw@db/hw',
        HELLOWORD_NOW: '2026-06-30T12:00:00Z',
        HELLOWORD_TZ: 'Asia/Shanghai',
        HELLOWORD_CURRENCY: 'cny',
        LOG_LEVEL: 'DEBUG',
      }),
    ).toEqual({
      databaseUrl: 'postgres://hw@db/hw',
      now: new Date('2026-06-30T12:00:00Z'),
      timeZone: 'Asia/Shanghai',
      reportingCurrency: 'CNY',
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
    [{ HELLOWORD_CURRENCY: 'dollars' }, 'HELLOWORD_CURRENCY: "DOLLARS" is not a currency code'],
  ])('names the variable and the fix for %o', (env, message) => {
    expect(() => readConfig(env)).toThrow(expect.objectContaining({ code: 'BAD_INPUT', userMessage: expect.stringContaining(message) }));
  });
});
