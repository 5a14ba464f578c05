import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readStoresFile } from './read-stores-file.ts';

describe('readStoresFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'helloword-stores-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (content: unknown) => writeFileSync(path.join(dir, 'helloword.stores.json'), typeof content === 'string' ? content : JSON.stringify(content));
  const ebayUs = {
    id: 'ebay-us',
    platform: 'eBay',
    name: 'eBay US',
    marketplace: 'EBAY_US',
    currency: 'USD',
    timeZone: 'America/New_York',
    credentials: 'EBAY_US',
  };
  const secrets = { HELLOWORD_EBAY_US_CLIENT_ID: 'id-1', HELLOWORD_EBAY_US_CLIENT_SECRET: 'secret-1', HELLOWORD_EBAY_US_REFRESH_TOKEN: 'v^1.1#refresh' };

  it('reads optional credentials when they are set (Wish renews its own token with them)', () => {
    const wish = { id: 'wish', platform: 'Wish', name: 'Wish', currency: 'USD', timeZone: 'Asia/Shanghai', credentials: 'WISH' };
    write({ stores: [wish] });
    expect(readStoresFile({ HELLOWORD_WISH_ACCESS_TOKEN: 'tok' }, dir).credentials.get('wish')).toEqual({ ACCESS_TOKEN: 'tok' });
    const env = {
      HELLOWORD_WISH_ACCESS_TOKEN: 'tok',
      HELLOWORD_WISH_REFRESH_TOKEN: 'ref',
      HELLOWORD_WISH_CLIENT_ID: 'cid',
      HELLOWORD_WISH_CLIENT_SECRET: 'cs',
    };
    expect(readStoresFile(env, dir).credentials.get('wish')).toEqual({ ACCESS_TOKEN: 'tok', CLIENT_ID: 'cid', CLIENT_SECRET: 'cs', REFRESH_TOKEN: 'ref' });
    expect(() => readStoresFile({}, dir)).toThrow('Store "wish" needs HELLOWORD_WISH_ACCESS_TOKEN to be set');
  });

  it('no file, no stores: the demo is used', () => {
    expect(readStoresFile({}, dir)).toEqual({ file: null, stores: [], credentials: new Map() });
  });

  it('reads the stores and their credentials from the environment, keeping only a reference in the store', () => {
    write({ stores: [{ ...ebayUs, syncIntervalMinutes: 30 }] });
    const read = readStoresFile(secrets, dir);
    expect(read.stores).toEqual([
      {
        id: 'ebay-us',
        platform: 'ebay',
        name: 'eBay US',
        marketplace: 'EBAY_US',
        currency: 'USD',
        timeZone: 'America/New_York',
        credentialsRef: 'HELLOWORD_EBAY_US_* variables',
        isDemo: false,
        syncIntervalMinutes: 30,
      },
    ]);
    expect(read.credentials.get('ebay-us')).toEqual({ CLIENT_ID: 'id-1', CLIENT_SECRET: 'secret-1', REFRESH_TOKEN: 'v^1.1#refresh' });
    expect(JSON.stringify(read.stores)).not.toContain('secret-1');
  });

  it.each([
    [{ stores: [ebayUs] }, {}, 'Store "ebay-us" needs HELLOWORD_EBAY_US_CLIENT_ID to be set (its ebay client id).'],
    [
      { stores: [{ ...ebayUs, platform: 'etsy' }] },
      secrets,
      'store "ebay-us": "etsy" is not a platform HelloWord knows. Stores can be: amazon, ebay, shopify, walmart, wish.',
    ],
    [{ stores: [{ ...ebayUs, timeZone: 'Eastern' }] }, secrets, 'stores.0.timeZone: use an IANA time zone such as America/New_York.'],
    [{ stores: [{ ...ebayUs, apiKey: 'oops' }] }, secrets, 'stores.0: Unrecognized key: "apiKey".'],
    ['{ "stores": [', secrets, 'is not valid JSON'],
  ])('names the problem: %j', (content, env, message) => {
    write(content);
    expect(() => readStoresFile(env, dir)).toThrow(expect.objectContaining({ code: 'BAD_INPUT', userMessage: expect.stringContaining(message) }));
  });

  it('a file named in HELLOWORD_STORES_FILE must exist', () => {
    expect(() => readStoresFile({ HELLOWORD_STORES_FILE: 'missing.json' }, dir)).toThrow(
      expect.objectContaining({ userMessage: expect.stringContaining(`HELLOWORD_STORES_FILE: there is no file ${path.join(dir, 'missing.json')}`) }),
    );
  });
});
