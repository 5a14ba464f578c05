import type { PlatformSpec } from '../spec.ts';

/** Published SP-API limits per operation (requests a second, burst), each with its own bucket in the client. */
export const AMAZON_OPERATION_LIMITS = {
  createReport: { requestsPerSecond: 0.0167, burst: 15 },
  getReport: { requestsPerSecond: 2, burst: 15 },
  getReportDocument: { requestsPerSecond: 0.0167, burst: 15 },
  listFinancialEvents: { requestsPerSecond: 0.5, burst: 30 },
  getOrders: { requestsPerSecond: 0.0167, burst: 20 },
  getOrderItems: { requestsPerSecond: 0.5, burst: 30 },
  // Not SP-API operations: the LWA token endpoint and the pre-signed document download (S3).
  lwaToken: { requestsPerSecond: 1, burst: 5 },
  download: { requestsPerSecond: 10, burst: 10 },
} as const;
export type AmazonOperation = keyof typeof AMAZON_OPERATION_LIMITS;

export const AMAZON_SPEC: PlatformSpec = {
  platform: 'amazon',
  // Orders first (the denominators), then the returns report, the three lists of the financial
  // events, and cancelled orders last (the slowest: one getOrderItems call per cancelled order).
  resources: ['orders', 'returns', 'refunds', 'claims', 'disputes', 'cancellations'],
  // Reports: a JSON position {window, reportId, documentId, row offset}; events and orders: NextToken.
  cursorKinds: { orders: 'time_window', returns: 'time_window', refunds: 'token', claims: 'token', disputes: 'token', cancellations: 'token' },
  // The limit of the busiest operation (listFinancialEvents); every operation has its own bucket (above).
  limits: AMAZON_OPERATION_LIMITS.listFinancialEvents,
  // Refunds go through the payment-adjustment feed; return approvals and A-to-z claims stay in Seller Central.
  writeActions: ['issue_refund'],
};

export type AmazonRegion = 'na' | 'eu' | 'fe';

// Marketplace id → SP-API region and Seller Central host.
const MARKETPLACES: Readonly<Record<string, { region: AmazonRegion; sellerCentral: string }>> = {
  ATVPDKIKX0DER: { region: 'na', sellerCentral: 'sellercentral.amazon.com' },
  A2EUQ1WTGCTBG2: { region: 'na', sellerCentral: 'sellercentral.amazon.ca' },
  A1AM78C64UM0Y8: { region: 'na', sellerCentral: 'sellercentral.amazon.com.mx' },
  A2Q3Y263D00KWC: { region: 'na', sellerCentral: 'sellercentral.amazon.com.br' },
  A1PA6795UKMFR9: { region: 'eu', sellerCentral: 'sellercentral.amazon.de' },
  A1F83G8C2ARO7P: { region: 'eu', sellerCentral: 'sellercentral.amazon.co.uk' },
  A13V1IB3VIYZZH: { region: 'eu', sellerCentral: 'sellercentral.amazon.fr' },
  APJ6JRA9NG5V4: { region: 'eu', sellerCentral: 'sellercentral.amazon.it' },
  A1RKKUPIHCS9HS: { region: 'eu', sellerCentral: 'sellercentral.amazon.es' },
  A1805IZSGTT6HS: { region: 'eu', sellerCentral: 'sellercentral.amazon.nl' },
  A2NODRKZP88ZB9: { region: 'eu', sellerCentral: 'sellercentral.amazon.se' },
  A1C3SOZRARQ6R3: { region: 'eu', sellerCentral: 'sellercentral.amazon.pl' },
  AMEN7PMS3EDWL: { region: 'eu', sellerCentral: 'sellercentral.amazon.com.be' },
  A33AVAJ2PDY3EV: { region: 'eu', sellerCentral: 'sellercentral.amazon.com.tr' },
  A21TJRUUN4KGV: { region: 'eu', sellerCentral: 'sellercentral.amazon.in' },
  A2VIGQ35RCS4UG: { region: 'eu', sellerCentral: 'sellercentral.amazon.ae' },
  A17E79C6D8DWNP: { region: 'eu', sellerCentral: 'sellercentral.amazon.sa' },
  ARBP9OOSHTCHU: { region: 'eu', sellerCentral: 'sellercentral.amazon.eg' },
  A1VC38T7YXB528: { region: 'fe', sellerCentral: 'sellercentral.amazon.co.jp' },
  A39IBJ37TRP1C6: { region: 'fe', sellerCentral: 'sellercentral.amazon.com.au' },
  A19VAU5U5O7RUS: { region: 'fe', sellerCentral: 'sellercentral.amazon.sg' },
};

/** The SP-API region of a marketplace; an unknown one is tried in North America. */
export const amazonRegion = (marketplaceId: string | null | undefined): AmazonRegion => MARKETPLACES[marketplaceId ?? '']?.region ?? 'na';

export const amazonBaseUrl = (region: AmazonRegion) => `https://sellingpartnerapi-${region}.amazon.com`;

export const sellerCentralHost = (marketplaceId: string | null | undefined) => MARKETPLACES[marketplaceId ?? '']?.sellerCentral ?? 'sellercentral.amazon.com';

/**
 * Deep links into Seller Central. The order page (`/orders-v3/order/<id>`) is the documented,
 * widely linked one; the returns, A-to-z claims and chargeback pages are best guesses at pages
 * that list them, filtered by order where the page accepts it.
 */
export function amazonDeepLink(
  marketplaceId: string | null | undefined,
  kind: 'order' | 'return' | 'claim' | 'chargeback',
  orderId: string | null | undefined,
): string | null {
  const host = `https://${sellerCentralHost(marketplaceId)}`;
  const id = encodeURIComponent(orderId ?? '');
  switch (kind) {
    case 'order':
      return orderId ? `${host}/orders-v3/order/${id}` : null;
    case 'return':
      return orderId ? `${host}/gp/returns/list/v2?searchType=orderId&keywordSearch=${id}` : `${host}/gp/returns/list/v2`;
    case 'claim':
      return `${host}/gp/guarantee-claims/home.html${orderId ? `?orderId=${id}` : ''}`;
    case 'chargeback':
      return `${host}/gp/chargebacks/home.html${orderId ? `?orderId=${id}` : ''}`;
  }
}
