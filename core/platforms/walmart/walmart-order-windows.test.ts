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

  it('ends after the window cut at now, though every page of a sync sees a later now', () => {
    let clock = now.getTime();
    const tick = () => {
      clock += 1_000;
      return new Date(clock);
    };
    let w = firstWindow(from, tick(), 30 * DAY);
    let windows = 1;
    for (let next = nextWindow(w, tick(), 30 * DAY); next && windows < 100; next = nextWindow(w, tick(), 30 * DAY)) {
      w = next;
      windows++;
    }
    // Six of 30 days reach the start of the anchor day; the seconds the sync took make a seventh.
    expect(windows).toBe(7);
    expect(w.last).toBe(true);
  });

  it('halves a window down to a minute, then gives up', () => {
    const half = halve({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-03T00:00:00.000Z', next: '?offset=200', last: true });
    expect(half).toEqual({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z', next: null, last: false });
    expect(halve({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-01T00:01:00.000Z', next: null, last: false })).toBeNull();
  });

  it('reads back what it saved, carries on a cursor saved by the version before windows, and restarts on an unreadable one', () => {
    const saved = { from: '2026-11-01T00:00:00.000Z', to: '2026-11-03T00:00:00.000Z', next: '?createdStartDate=x&offset=400', last: false };
    expect(decodeWindow(encodeWindow(saved), from, now)).toEqual(saved);
    expect(decodeWindow('?createdStartDate=2026-06-07&offset=400', from, now)).toEqual({
      from: from.toISOString(),
      to: now.toISOString(),
      next: '?createdStartDate=2026-06-07&offset=400',
      last: true,
    });
    expect(decodeWindow('{not json', from, now)).toBeNull();
    expect(decodeWindow('{"from":1}', from, now)).toBeNull();
    expect(decodeWindow(null, from, now)).toBeNull();
  });
});
