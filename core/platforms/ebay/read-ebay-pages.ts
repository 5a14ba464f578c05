import type { z } from 'zod';
import type { CaseRecord, OrderRecord, SkuRecord } from '../../domain/records.ts';
import type { Log } from '../../logging/create-logger.ts';
import { type Converted, convertRecords } from '../convert-records.ts';
import type { Resource } from '../spec.ts';
import { convertEbayCancellation } from './convert-ebay-cancellation.ts';
import { convertEbayDispute } from './convert-ebay-dispute.ts';
import { convertEbayCase, convertEbayInquiry } from './convert-ebay-inquiry.ts';
import { convertEbayOrder } from './convert-ebay-order.ts';
import { convertEbayReturn } from './convert-ebay-return.ts';
import {
  EbayCancellation,
  EbayCancellationPage,
  EbayCase,
  EbayCasePage,
  EbayDisputePage,
  EbayInquiry,
  EbayInquiryPage,
  EbayOrder,
  EbayOrderPage,
  EbayPaymentDispute,
  EbayReturn,
  EbayReturnPage,
} from './ebay-schemas.ts';

/** What one eBay page gives the sync, with what its offset paging needs. */
export interface EbayPageRecords {
  orders: OrderRecord[];
  skus: SkuRecord[];
  cases: CaseRecord[];
  skipped: number;
  unmapped: Record<string, number>;
  /** Records on the page, good or bad: the next page starts after them. */
  received: number;
  /** The list's size when eBay says it. */
  total: number | null;
}

export interface EbayPageContext {
  log: Log;
  store: string;
  site: { site: string };
}

type Envelope = { records: readonly unknown[] | null | undefined; total: number | null | undefined };

/** A case list: the page envelope, where its records and total are, and each record's schema and converter. */
function caseList<P extends z.ZodType, S extends z.ZodType>(
  page: P,
  envelope: (page: z.output<P>) => Envelope,
  schema: S,
  convert: (parsed: z.output<S>, site: { site: string }) => Converted<CaseRecord>,
) {
  return (body: unknown, resource: Resource, context: EbayPageContext): EbayPageRecords | null => {
    const parsed = page.safeParse(body);
    if (!parsed.success) return null;
    const { records, total } = envelope(parsed.data);
    const converted = convertRecords(records, schema, (r) => convert(r, context.site), { ...context, resource });
    return {
      orders: [],
      skus: [],
      cases: converted.records,
      skipped: converted.skipped,
      unmapped: converted.unmapped,
      received: records?.length ?? 0,
      total: total ?? null,
    };
  };
}

function readOrders(body: unknown, resource: Resource, context: EbayPageContext): EbayPageRecords | null {
  const page = EbayOrderPage.safeParse(body);
  if (!page.success) return null;
  const converted = convertRecords(page.data.orders, EbayOrder, (o) => ({ record: convertEbayOrder(o) }), { ...context, resource });
  return {
    orders: converted.records.map((r) => r.order),
    skus: converted.records.flatMap((r) => r.skus),
    cases: [],
    skipped: converted.skipped,
    unmapped: converted.unmapped,
    received: page.data.orders?.length ?? 0,
    total: page.data.total ?? null,
  };
}

const READERS: Record<'orders' | 'returns' | 'cancellations' | 'inquiries' | 'claims' | 'disputes', typeof readOrders> = {
  orders: readOrders,
  returns: caseList(EbayReturnPage, (p) => ({ records: p.members, total: p.paginationOutput?.totalEntries }), EbayReturn, convertEbayReturn),
  cancellations: caseList(
    EbayCancellationPage,
    (p) => ({ records: p.cancellations, total: p.paginationOutput?.totalEntries ?? p.total }),
    EbayCancellation,
    convertEbayCancellation,
  ),
  inquiries: caseList(
    EbayInquiryPage,
    (p) => ({ records: p.members, total: p.paginationOutput?.totalEntries ?? p.totalNumberOfInquiries }),
    EbayInquiry,
    convertEbayInquiry,
  ),
  claims: caseList(EbayCasePage, (p) => ({ records: p.members, total: p.paginationOutput?.totalEntries ?? p.totalNumberOfCases }), EbayCase, convertEbayCase),
  disputes: caseList(
    EbayDisputePage,
    (p) => ({ records: p.paymentDisputeSummaries, total: p.total }),
    EbayPaymentDispute,
    (d) => convertEbayDispute(d),
  ),
};

/**
 * One page of an eBay list (Fulfillment orders and payment disputes, Post-Order returns,
 * cancellations, inquiries and cases) read into the sync's records, or null when the page itself
 * is not eBay's shape (or the resource is not an eBay list). Each record is parsed on its own: a
 * bad one is logged, counted and skipped.
 */
export function readEbayPage(resource: Resource, body: unknown, context: EbayPageContext): EbayPageRecords | null {
  const read = READERS[resource as keyof typeof READERS];
  return read ? read(body, resource, context) : null;
}
