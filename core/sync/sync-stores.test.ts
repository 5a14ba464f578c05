import { describe, expect, it } from 'vitest';
import { createSilentLogger } from '../logging/create-logger.ts';
import type { PlatformConnector } from '../platforms/spec.ts';
import type { SqlDriver } from '../store/sql-driver.ts';
import { syncStores } from './sync-stores.ts';

// syncStores only orchestrates: the store writes are stubbed so this checks order and concurrency alone.
const stubSql = {
  engine: 'sqlite',
  all: async (sql: string) => (sql.includes('RETURNING') ? [{ id: 1 }] : []),
  run: async () => 1,
  each: async () => [],
  insertEach: async () => [],
  exec: async () => {},
  transaction: async <T>(fn: (tx: SqlDriver) => Promise<T>) => fn(stubSql),
  close: async () => {},
} as SqlDriver;

function connector(delayMs: number, log: string[], name: string): PlatformConnector {
  return {
    spec: { platform: 'ebay', resources: ['orders', 'returns'], cursorKinds: {}, limits: { requestsPerSecond: 1, burst: 1 }, writeActions: [] },
    async fetchPage(input) {
      log.push(`start ${name} ${input.resource}`);
      await new Promise((r) => setTimeout(r, delayMs));
      log.push(`end ${name} ${input.resource}`);
      return { skipped: 0, unmapped: {}, next: { cursor: null, watermark: input.now }, hasMore: false };
    },
  };
}

describe('syncStores', () => {
  const deps = { sql: stubSql, log: createSilentLogger(), now: () => new Date('2026-12-01T00:00:00Z') };

  it('syncs each store’s resources in the platform’s order and returns results in store order', async () => {
    const log: string[] = [];
    const stores = [
      { store: { id: 'slow', platform: 'ebay' as const }, connector: connector(30, log, 'slow') },
      { store: { id: 'fast', platform: 'ebay' as const }, connector: connector(1, log, 'fast') },
    ];
    const results = await syncStores({ stores }, deps);
    expect(results.map((r) => `${r.storeId} ${r.resource} ${r.status}`)).toEqual([
      'slow orders succeeded',
      'slow returns succeeded',
      'fast orders succeeded',
      'fast returns succeeded',
    ]);
    // Side by side by default: the fast store finished before the slow one's first page.
    expect(log.indexOf('end fast returns')).toBeLessThan(log.indexOf('end slow orders'));
  });

  it('runs stores served in process by a sandbox one at a time', async () => {
    const log: string[] = [];
    const stores = ['a', 'b'].map((id) => ({ store: { id, platform: 'ebay' as const }, connector: connector(5, log, id), inProcess: true }));
    await syncStores({ stores }, deps);
    expect(log).toEqual([
      'start a orders',
      'end a orders',
      'start a returns',
      'end a returns',
      'start b orders',
      'end b orders',
      'start b returns',
      'end b returns',
    ]);
  });

  it('runs one store at a time with concurrency 1', async () => {
    const log: string[] = [];
    const stores = ['a', 'b'].map((id) => ({ store: { id, platform: 'ebay' as const }, connector: connector(5, log, id) }));
    await syncStores({ stores, concurrency: 1 }, deps);
    expect(log).toEqual([
      'start a orders',
      'end a orders',
      'start a returns',
      'end a returns',
      'start b orders',
      'end b orders',
      'start b returns',
      'end b returns',
    ]);
  });
});
