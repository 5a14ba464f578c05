import type { CaseStatus } from '../../domain/taxonomy.ts';
import { lookupCode, type Mapped } from '../lookup-code.ts';

// Wish has no return objects: a refunded order is a completed refund case, and support tickets
// are inquiries whose state says who acts next.
const ORDER_STATES: Readonly<Record<string, CaseStatus>> = {
  REFUNDED: 'completed',
  REQUIRE_REVIEW: 'requested',
  APPROVED: 'approved',
  SHIPPED: 'approved',
  DECLINED: 'rejected',
};

const TICKET_STATES: Readonly<Record<string, CaseStatus>> = {
  AWAITING_MERCHANT: 'requested',
  AWAITING_USER: 'approved',
  AWAITING_WISH: 'escalated',
  CLOSED: 'completed',
  PERMANENTLY_CLOSED: 'completed',
};

export const mapWishOrderStatus = (raw: string | null | undefined): Mapped<CaseStatus> => lookupCode(ORDER_STATES, raw, 'requested');
export const mapWishTicketStatus = (raw: string | null | undefined): Mapped<CaseStatus> => lookupCode(TICKET_STATES, raw, 'requested');
