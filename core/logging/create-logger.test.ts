import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactUrl } from './create-logger.ts';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, destination };
}

describe('createLogger', () => {
  it('never writes secrets, at the top level or nested', () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: 'info', destination });
    log.info({ store: 'ebay-de', accessToken: 'v^1.1#i^1#secret-token', credentials: { clientSecret: 'cs-123', refreshToken: 'rt-456' } }, 'refreshed token');
    const out = lines.join('');
    expect(out).toContain('refreshed token');
    expect(out).toContain('ebay-de');
    for (const secret of ['secret-token', 'cs-123', 'rt-456']) expect(out).not.toContain(secret);
    expect(JSON.parse(out)).toMatchObject({ accessToken: '[redacted]', credentials: { clientSecret: '[redacted]', refreshToken: '[redacted]' } });
  });

  it('redactUrl hides the password of a connection string', () => {
    expect(redactUrl('postgres://hw:s3cr%40t@db.internal:5432/hw')).toBe('postgres://hw:***@db.internal:5432/hw');
    expect(redactUrl('file:./data/helloword.db')).toBe('file:./data/helloword.db');
  });
});
