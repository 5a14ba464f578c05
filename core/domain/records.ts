import { z } from 'zod';
import { CASE_KINDS, CASE_STATUSES, CASE_TYPES, PLATFORMS, REASON_SOURCES, REASONS } from './taxonomy.ts';

// The normalised records that platform mappers produce and core/store writes. Amounts are
// integers in the currency's minor unit; times are Date objects in UTC.

const currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD');
const minor = z.bigint();
const id = z.string().min(1).max(200);

export const StoreRecord = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and dashes'),
  platform: z.enum(PLATFORMS),
  name: z.string().min(1),
  marketplace: z.string().nullable().default(null),
  currency,
  timeZone: z.string().min(1),
  credentialsRef: z.string().nullable().default(null),
  isDemo: z.boolean().default(false),
  syncIntervalMinutes: z.number().int().positive().nullable().default(null),
});
export type StoreRecord = z.input<typeof StoreRecord>;

export const SkuRecord = z.object({
  platformListingId: id,
  sellerSku: id,
  title: z.string().nullable().default(null),
  category: z.string().nullable().default(null),
  variant: z.string().nullable().default(null),
  size: z.string().nullable().default(null),
  color: z.string().nullable().default(null),
});
export type SkuRecord = z.input<typeof SkuRecord>;

export const OrderLineRecord = z.object({
  platformLineId: id,
  sellerSku: id,
  quantity: z.number().int().nonnegative(),
  amountMinor: minor,
  currency,
});
export type OrderLineRecord = z.input<typeof OrderLineRecord>;

export const OrderRecord = z.object({
  platformOrderId: id,
  orderedAt: z.date(),
  rawStatus: z.string().nullable().default(null),
  currency,
  totalMinor: minor,
  buyerKey: z.string().nullable().default(null),
  lines: z.array(OrderLineRecord),
});
export type OrderRecord = z.input<typeof OrderRecord>;

export const CaseLineRecord = z
  .object({
    lineKey: id,
    /** The seller's SKU, when the platform says it; otherwise the store resolves it from the listing. */
    sellerSku: id.nullable().default(null),
    /** The platform's listing id (eBay item id, ASIN, …), for platforms whose after-sales records carry no SKU. */
    platformListingId: id.nullable().default(null),
    quantity: z.number().int().nonnegative(),
    amountMinor: minor.nullable().default(null),
    currency,
  })
  .refine((l) => l.sellerSku !== null || l.platformListingId !== null, 'a case line needs a seller SKU or a platform listing id');
export type CaseLineRecord = z.input<typeof CaseLineRecord>;

export const CaseRecord = z.object({
  kind: z.enum(CASE_KINDS),
  platformCaseId: id,
  type: z.enum(CASE_TYPES),
  status: z.enum(CASE_STATUSES),
  rawStatus: z.string(),
  reason: z.enum(REASONS),
  rawReason: z.string().nullable().default(null),
  customerText: z.string().nullable().default(null),
  reasonSource: z.enum(REASON_SOURCES),
  platformOrderId: z.string().nullable().default(null),
  requestedAt: z.date(),
  decidedAt: z.date().nullable().default(null),
  closedAt: z.date().nullable().default(null),
  refundedAt: z.date().nullable().default(null),
  respondBy: z.date().nullable().default(null),
  currency,
  requestedMinor: minor.nullable().default(null),
  refundedMinor: minor.nullable().default(null),
  assignee: z.string().nullable().default(null),
  buyerKey: z.string().nullable().default(null),
  deepLink: z.string().nullable().default(null),
  lines: z.array(CaseLineRecord),
});
export type CaseRecord = z.input<typeof CaseRecord>;
