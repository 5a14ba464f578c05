import { describe, expect, it } from 'vitest';
import { waitForReset, wishFetch } from './wish-fetch.ts';
import { decodePosition, encodePosition, keysetPage } from './wish-keyset.ts';

describe('waitForReset (Wish-Rate-Limit-Reset)', () => {
  const now = Date.parse('2026-12-04T00:00:00Z');
  it('reads an ISO time against the answer’s Date header, not the local clock', () => {
    expect(waitForReset('2026-12-04T10:00:03.000Z', 'Fri, 04 Dec 2026 10:00:00 GMT', now)).toBe(3000);
    expect(waitForReset('2026-12-04T00:00:02.500Z', null, now)).toBe(2500);
  });
  it('reads Unix seconds or milliseconds, and small numbers as seconds to wait', () => {
    expect(waitForReset(String(now / 1000 + 4), null, now)).toBe(4000);
    expect(waitForReset(String(now + 1500), null, now)).toBe(1500);
    expect(waitForReset('7', null, now)).toBe(7000);
  });
  it('never waits a negative time or more than an hour, and ignores nonsense', () => {
    expect(waitForReset('2026-12-03T00:00:00Z', null, now)).toBe(0);
    expect(waitForReset('2027-12-03T00:00:00Z', null, now)).toBe(3_600_000);
    expect(waitForReset('soon', null, now)).toBeNull();
    expect(waitForReset(null, null, now)).toBeNull();
  });
});

describe('wishFetch', () => {
  const answering = (response: Response) => wishFetch((async () => response) as typeof fetch, () => Date.parse('2026-12-04T00:00:00Z'));
  it('turns Wish-Rate-Limit-Reset into the Retry-After the shared retry honours', async () => {
    const response = await answering(new Response('{}', { status: 429, headers: { 'Wish-Rate-Limit-Reset': '2026-12-04T00:00:02.000Z' } }))('https://x');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
  });
  it('treats a 400 with an OAuth token code as 401 (renew the token), other 400s stay', async () => {
    const expired = await answering(new Response('{"code":1007,"message":"This access token has expired","data":{}}', { status: 400 }))('https://x');
    expect(expired.status).toBe(401);
    const bad = await answering(new Response('{"code":1001,"message":"bad limit","data":{}}', { status: 400 }))('https://x');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ code: 1001, message: 'bad limit', data: {} });
  });
});

describe('keyset paging', () => {
  const rec = (id: string, updated_at: string) => ({ id, updated_at });
  it('a short page is the last', () => {
    expect(keysetPage([rec('a', '2026-01-01T00:00:00.000Z')], { updatedAtMin: '2025-01-01T00:00:00.000Z', taken: 0 }, 3, 'Wish (w)')).toEqual({
      fresh: [rec('a', '2026-01-01T00:00:00.000Z')],
      next: null,
    });
  });
  it('a full page continues at its last updated_at, remembering how many records share it', () => {
    const page = [rec('a', '2026-01-01T00:00:00.000Z'), rec('b', '2026-01-02T00:00:00.000Z'), rec('c', '2026-01-02T00:00:00.000Z')];
    const { next } = keysetPage(page, { updatedAtMin: '2025-01-01T00:00:00.000Z', taken: 0 }, 3, 'Wish (w)');
    expect(next).toEqual({ updatedAtMin: '2026-01-02T00:00:00.000Z', taken: 2 });
    // The next page repeats b and c (inclusive bound): they are dropped, d is new.
    const again = keysetPage([page[1], page[2], rec('d', '2026-01-03T00:00:00.000Z')], next ?? { updatedAtMin: '', taken: 0 }, 5, 'Wish (w)');
    expect(again).toEqual({ fresh: [rec('d', '2026-01-03T00:00:00.000Z')], next: null });
  });
  it('positions survive the cursor column, and a damaged one is ignored', () => {
    expect(decodePosition(encodePosition({ updatedAtMin: '2026-01-02T00:00:00.000+08:00', taken: 3 }))).toEqual({
      updatedAtMin: '2026-01-02T00:00:00.000+08:00',
      taken: 3,
    });
    expect(decodePosition('offset=150')).toBeNull();
  });
  it('refuses to loop when more records share one instant than a page can hold', () => {
    const page = Array.from({ length: 500 }, (_, i) => rec(String(i), '2026-01-02T00:00:00.000Z'));
    expect(() => keysetPage(page, { updatedAtMin: '2026-01-02T00:00:00.000Z', taken: 499 }, 500, 'Wish (w)')).toThrow(/more than 500 records/);
  });
});
