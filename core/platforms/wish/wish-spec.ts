import type { PlatformSpec } from '../spec.ts';

export const WISH_SPEC: PlatformSpec = {
  platform: 'wish',
  // Wish has no return or refund-request objects: a refund is an entry in an order's `refunds[]`,
  // so the orders pass yields the refund cases too; customer tickets are the inquiries.
  resources: ['orders', 'inquiries'],
  // Keyset paging on updated_at (limit + updated_at_min, sort_by=updated_at.asc): the position is
  // a time, not a server cursor, so it never expires.
  cursorKinds: { orders: 'time_window', inquiries: 'time_window' },
  // Wish publishes no numeric quota (per merchant and app); its 429 + Wish-Rate-Limit-Reset is
  // honoured on top of this pace.
  limits: { requestsPerSecond: 2, burst: 5 },
  writeActions: ['issue_refund', 'reply_to_buyer'],
};

export const WISH_BASE_URL = 'https://merchant.wish.com';

// Deep links into the merchant dashboard. The paths are guesses (Wish documents none).
export const wishOrderLink = (orderId: string) => `${WISH_BASE_URL}/order/${encodeURIComponent(orderId)}`;
export const wishTicketLink = (ticketId: string) => `${WISH_BASE_URL}/ticket/${encodeURIComponent(ticketId)}`;
