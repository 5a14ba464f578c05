import { describe, expect, it } from 'vitest';
import { decodeWindow, encodeWindow, firstWindow, halve, nextWindow } from './walmart-order-windows.ts';

const now = new Date('2026-12-04T00:00:00Z');
const from = new Date('2026-06-07T00:00:00Z');
const DAY = 86_400_000;

describe('Walmart order windows', () => {
  it('walks from the start to now in windows of the given size, the last one cut at now', () => {
    let w = firstWindow(from, now, 30 * DAY);
    const ends = [w.to];
    for (let next = nextWindow(w, now, 30 * DAY); next; next = nextWindow(w, now, 30 * DAY)) {
      expect(next.from).toBe(w.to);
      w = next;
      ends.push(w.to);
    }
    expect(ends).toHaveLength(6);
    expect(ends.at(-1)).toBe(now.toISOString());
    expect(ends[0]).toBe('2026-07-07T00:00:00.000Z');
  });

  it('halves a window down to a minute, then gives up', () => {
    const half = halve({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-03T00:00:00.000Z', next: '?offset=200' });
    expect(half).toEqual({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z', next: null });
    expect(halve({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-01T00:01:00.000Z', next: null })).toBeNull();
  });

  it('reads back what it saved, carries on a cursor saved by the version before windows, and restarts on an unreadable one', () => {
    const saved = { from: '2026-11-01T00:00:00.000Z', to: '2026-11-03T00:00:00.000Z', next: '?createdStartDate=x&offset=400' };
    expect(decodeWindow(encodeWindow(saved), from, now)).toEqual(saved);
    expect(decodeWindow('?createdStartDate=2026-06-07&offset=400', from, now)).toEqual({
      from: from.toISOString(),
      to: now.toISOString(),
      next: '?createdStartDate=2026-06-07&offset=400',
    });
    expect(decodeWindow('{not json', from, now)).toBeNull();
    expect(decodeWindow('{"from":1}', from, now)).toBeNull();
    expect(decodeWindow(null, from, now)).toBeNull();
  });
});
