import type { PlatformSpec } from '../spec.ts';

export const EBAY_SPEC: PlatformSpec = {
  platform: 'ebay',
  resources: ['orders', 'returns', 'cancellations', 'inquiries', 'claims', 'disputes'],
  cursorKinds: { orders: 'offset', returns: 'offset', cancellations: 'offset', inquiries: 'offset', claims: 'offset', disputes: 'offset' },
  // eBay publishes daily per-app quotas rather than a rate; 5 requests a second stays well inside them.
  limits: { requestsPerSecond: 5, burst: 10 },
  writeActions: ['issue_refund', 'approve_return', 'decline_return', 'approve_cancellation'],
};

/** The buyer-facing site of a marketplace, for deep links to a case. */
export function ebaySite(marketplace: string | null | undefined): string {
  const sites: Record<string, string> = {
    EBAY_US: 'ebay.com',
    EBAY_GB: 'ebay.co.uk',
    EBAY_DE: 'ebay.de',
    EBAY_AU: 'ebay.com.au',
    EBAY_CA: 'ebay.ca',
    EBAY_FR: 'ebay.fr',
    EBAY_IT: 'ebay.it',
    EBAY_ES: 'ebay.es',
  };
  return sites[marketplace ?? 'EBAY_US'] ?? 'ebay.com';
}
