import type { StoreRecord } from '../../domain/records.ts';
import type { Platform } from '../../domain/taxonomy.ts';

export interface DemoStore extends StoreRecord {
  platform: Platform;
  /** Share of the demo's cases that happen in this store. */
  share: number;
}

/** The built-in demo stores: every platform, several marketplaces and currencies. */
export const DEMO_STORES: readonly DemoStore[] = [
  {
    id: 'demo-amazon-us',
    platform: 'amazon',
    name: 'Amazon US (demo)',
    marketplace: 'ATVPDKIKX0DER',
    currency: 'USD',
    timeZone: 'America/Los_Angeles',
    isDemo: true,
    share: 0.3,
  },
  {
    id: 'demo-amazon-de',
    platform: 'amazon',
    name: 'Amazon DE (demo)',
    marketplace: 'A1PA6795UKMFR9',
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
    isDemo: true,
    share: 0.1,
  },
  {
    id: 'demo-ebay-us',
    platform: 'ebay',
    name: 'eBay US (demo)',
    marketplace: 'EBAY_US',
    currency: 'USD',
    timeZone: 'America/New_York',
    isDemo: true,
    share: 0.15,
  },
  {
    id: 'demo-ebay-uk',
    platform: 'ebay',
    name: 'eBay UK (demo)',
    marketplace: 'EBAY_GB',
    currency: 'GBP',
    timeZone: 'Europe/London',
    isDemo: true,
    share: 0.05,
  },
  {
    id: 'demo-shopify',
    platform: 'shopify',
    name: 'Shopify store (demo)',
    marketplace: 'helloword-demo.myshopify.com',
    currency: 'USD',
    timeZone: 'America/New_York',
    isDemo: true,
    share: 0.17,
  },
  // The store whose sandbox keeps answering 429: the planted "sync keeps hitting rate limits".
  {
    id: 'demo-walmart-us',
    platform: 'walmart',
    name: 'Walmart US (demo)',
    marketplace: 'WALMART_US',
    currency: 'USD',
    timeZone: 'America/Chicago',
    isDemo: true,
    share: 0.15,
  },
  { id: 'demo-wish', platform: 'wish', name: 'Wish (demo)', marketplace: null, currency: 'USD', timeZone: 'Asia/Shanghai', isDemo: true, share: 0.08 },
];

/** The demo store that the sandboxes rate-limit hard. */
export const RATE_LIMITED_DEMO_STORE = 'demo-walmart-us';
