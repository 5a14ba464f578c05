import type { CaseRecord } from '../../domain/records.ts';
import { resolveReason } from '../../domain/resolve-reason.ts';
import type { Converted } from '../convert-records.ts';
import { mapWishTicketReason } from './map-wish-reason.ts';
import { mapWishTicketStatus } from './map-wish-status.ts';
import type { WishTicket } from './wish-schemas.ts';
import { wishTicketLink } from './wish-spec.ts';

const date = (value: string | null | undefined) => (value ? new Date(value) : null);

/**
 * A customer ticket → an inquiry case. Its state says who acts next; the buyer's first message is
 * the customer text; the product names the SKU (resolved from the products the orders pass saw).
 */
export function convertWishTicket(ticket: WishTicket, options: { currency: string }): Converted<CaseRecord> {
  const unmapped: string[] = [];
  const status = mapWishTicketStatus(ticket.state);
  if (!status.mapped) unmapped.push(`status:${ticket.state}`);
  const platformReason = mapWishTicketReason(ticket.refund_reason);
  if (!platformReason.mapped) unmapped.push(`reason:${ticket.refund_reason}`);
  const replies = [...(ticket.replies ?? [])].sort((a, b) => Date.parse(a.replied_at ?? '') - Date.parse(b.replied_at ?? ''));
  const text = replies.find((r) => r.sender === 'USER')?.message?.trim() || null;
  const reason = resolveReason(platformReason, text);
  const orderId = ticket.orders?.find((o) => o.id)?.id ?? null;
  const productId = ticket.products?.find((p) => p.id)?.id ?? null;
  const closed = status.value === 'completed' || status.value === 'cancelled' || status.value === 'rejected';
  return {
    unmapped,
    record: {
      kind: 'inquiry',
      platformCaseId: ticket.id,
      type: 'refund_only',
      status: status.value,
      rawStatus: ticket.state ?? 'UNKNOWN',
      reason: reason.reason,
      rawReason: ticket.refund_reason ?? null,
      customerText: text,
      reasonSource: reason.source,
      platformOrderId: orderId,
      requestedAt: new Date(ticket.opened_at),
      decidedAt: date(replies.find((r) => r.sender === 'MERCHANT')?.replied_at),
      closedAt: closed ? date(ticket.resolution_info?.closed_at) : null,
      currency: options.currency,
      deepLink: wishTicketLink(ticket.id),
      lines: [
        {
          lineKey: orderId ?? ticket.id,
          platformListingId: productId,
          sellerSku: productId ? null : `wish-ticket-${ticket.id}`,
          quantity: 1,
          currency: options.currency,
        },
      ],
    },
  };
}
