import type { PlatformSpec } from '../spec.ts';

/**
 * The Admin API version every request names. 2026-01 is the first version whose reference shows
 * `Return.createdAt`, `Return.closedAt` and `Return.requestApprovedAt` (checked on shopify.dev);
 * the connector reads a return's times from them.
 */
export const SHOPIFY_API_VERSION = '2026-01';

/**
 * Shopify meters GraphQL by query cost, not by request: a leaky bucket per app and store that
 * refills at 100 points a second on Standard plans (200 Advanced, 1000 Plus, 2000 Enterprise).
 * The client paces by the `throttleStatus` Shopify returns with every answer; these are only the
 * values assumed before the first answer (the bucket size of 20 seconds' restore is unconfirmed).
 */
export const SHOPIFY_COST_LIMITS = { pointsPerSecond: 100, maximumAvailable: 2000 } as const;

export const SHOPIFY_SPEC: PlatformSpec = {
  platform: 'shopify',
  // Returns, refunds and cancellations arrive with their orders (there is no top-level returns
  // query): one orders page yields the orders and their after-sales cases. Disputes are their own list.
  resources: ['orders', 'disputes'],
  cursorKinds: { orders: 'token', disputes: 'token' },
  // A ceiling on requests only (Shopify does not count GraphQL requests); the cost bucket above is
  // what really paces a Shopify client.
  limits: { requestsPerSecond: 50, burst: 50 },
  // refundCreate / returnProcess, returnApproveRequest, returnDeclineRequest. Shopify has no buyer
  // cancellation requests to approve and no buyer messaging in the Admin API.
  writeActions: ['issue_refund', 'approve_return', 'decline_return'],
};

/**
 * The shop's myshopify domain from what a store configuration gives as its marketplace:
 * "helloword-demo", "helloword-demo.myshopify.com" or "https://helloword-demo.myshopify.com/".
 */
export function shopDomain(marketplace: string | null | undefined): string | null {
  const host = (marketplace ?? '')
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '');
  if (!host) return null;
  return host.includes('.') ? host : `${host}.myshopify.com`;
}

/** The store handle in admin.shopify.com links: the myshopify subdomain. */
export function adminHandle(domain: string): string {
  return domain.replace(/\.myshopify\.com$/, '');
}

/** The number at the end of a Shopify global id ("gid://shopify/Order/5001" → "5001"). */
export function numericId(gid: string): string {
  return gid.slice(gid.lastIndexOf('/') + 1);
}
