import type { CaseRecord, OrderRecord, SkuRecord } from '../../domain/records.ts';
import type { Log } from '../../logging/create-logger.ts';
import { convertRecords } from '../convert-records.ts';
import { convertWishOrder } from './convert-wish-order.ts';
import { convertWishTicket } from './convert-wish-ticket.ts';
import { WishOrder, WishTicket } from './wish-schemas.ts';

/** What a Wish page's new records give the sync. */
export interface WishPageRecords {
  orders: OrderRecord[];
  skus: SkuRecord[];
  cases: CaseRecord[];
  skipped: number;
  unmapped: Record<string, number>;
}

export interface WishPageContext {
  log: Log;
  store: string;
  /** Tickets carry no money; their cases are in the store's currency. */
  currency: string;
}

/** Orders, each with its refunds as refund cases and its SKUs. */
export function readWishOrders(fresh: readonly unknown[], context: WishPageContext): WishPageRecords {
  const converted = convertRecords(fresh, WishOrder, convertWishOrder, { log: context.log, store: context.store, resource: 'orders' });
  return {
    orders: converted.records.map((r) => r.order),
    skus: converted.records.flatMap((r) => r.skus),
    cases: converted.records.flatMap((r) => r.refunds),
    skipped: converted.skipped,
    unmapped: converted.unmapped,
  };
}

/** Customer tickets, each an inquiry case. */
export function readWishTickets(fresh: readonly unknown[], context: WishPageContext): WishPageRecords {
  const converted = convertRecords(fresh, WishTicket, (t) => convertWishTicket(t, { currency: context.currency }), {
    log: context.log,
    store: context.store,
    resource: 'inquiries',
  });
  return { orders: [], skus: [], cases: converted.records, skipped: converted.skipped, unmapped: converted.unmapped };
}
