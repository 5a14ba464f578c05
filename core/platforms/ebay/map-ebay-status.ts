import type { CaseStatus } from '../../domain/taxonomy.ts';
import { lookupCode, type Mapped, normaliseCode } from '../lookup-code.ts';

// reference/platform-apis.md §2 enums and §7. `*_TIMEOUT` states map by who acts next: when the
// seller let a deadline pass, eBay steps in (escalated).
const RETURN_STATES: Readonly<Record<string, CaseStatus>> = {
  INITIAL: 'requested',
  RETURN_REQUESTED: 'requested',
  RMA_PENDING: 'requested',
  PARTIAL_REFUND_REQUESTED: 'requested',
  RETURN_REQUESTED_TIMEOUT: 'escalated',
  ITEM_READY_TO_SHIP: 'approved',
  READY_FOR_SHIPPING: 'approved',
  RETURN_LABEL_PENDING: 'approved',
  RETURN_LABEL_REQUESTED: 'approved',
  RETURN_LABEL_PENDING_TIMEOUT: 'escalated',
  RETURN_LABEL_REQUESTED_TIMEOUT: 'escalated',
  ITEM_SHIPPED: 'approved',
  ITEM_DELIVERED: 'approved',
  REFUND_INITIATED: 'approved',
  AUTO_REFUND_INITIATED: 'approved',
  PARTIAL_REFUND_INITIATED: 'approved',
  REFUND_FAILED: 'approved',
  PARTIAL_REFUND_FAILED: 'approved',
  REFUND_TIMEOUT: 'escalated',
  RETURN_REJECTED: 'rejected',
  PARTIAL_REFUND_DECLINED: 'rejected',
  REFUND_SENT_PENDING_CONFIRMATION: 'completed',
  PARTIAL_REFUNDED: 'completed',
  LESS_THAN_A_FULL_REFUND_ISSUED: 'completed',
  ITEM_KEPT: 'completed',
  ESCALATED: 'escalated',
};

const INQUIRY_STATUSES: Readonly<Record<string, CaseStatus>> = {
  OPEN: 'requested',
  PENDING: 'requested',
  WAITING_SELLER_RESPONSE: 'requested',
  WAITING_BUYER_RESPONSE: 'approved',
  CLOSED: 'completed',
  CS_CLOSED: 'completed',
  CLOSED_WITH_ESCALATION: 'escalated',
  OTHER: 'requested',
};

// Any eBay case (an escalated return or inquiry) is a dispute until eBay closes it.
const CASE_STATUSES: Readonly<Record<string, CaseStatus>> = {
  OPEN: 'escalated',
  WAITING_DELIVERY: 'escalated',
  WAITING_CS: 'escalated',
  ON_HOLD: 'escalated',
  REFUND_AGREED_BUT_FAILED: 'escalated',
  OTHER: 'escalated',
  CLOSED: 'completed',
  CS_CLOSED: 'completed',
};

const CANCELLATION_STATUSES: Readonly<Record<string, CaseStatus>> = {
  CANCEL_REQUESTED: 'requested',
  CANCEL_PENDING: 'approved',
  CANCEL_REJECTED: 'rejected',
  CANCEL_CLOSED_WITH_REFUND: 'completed',
  CANCEL_CLOSED_NO_REFUND: 'cancelled',
  CANCEL_CLOSED_UNKNOWN_REFUND: 'cancelled',
  CANCEL_CLOSED_FOR_COMMITMENT: 'cancelled',
  INVALID: 'cancelled',
};

const PAYMENT_DISPUTE_STATES: Readonly<Record<string, CaseStatus>> = {
  OPEN: 'escalated',
  ACTION_NEEDED: 'escalated',
  CLOSED: 'completed',
};

/**
 * A return's `state` (or `status`). CLOSED means refunded when money went back to the buyer,
 * otherwise the buyer closed it (cancelled). Replacement and payout flows are families.
 */
export function mapEbayReturnStatus(raw: string | null | undefined, signals: { refunded: boolean }): Mapped<CaseStatus> {
  const code = raw ? normaliseCode(raw) : '';
  if (code === 'CLOSED') return { value: signals.refunded ? 'completed' : 'cancelled', mapped: true, raw: raw ?? null };
  if (code.endsWith('_AS_PAYOUT_INITIATED')) return { value: 'completed', mapped: true, raw: raw ?? null };
  if (code.startsWith('REPLACEMENT_')) {
    return { value: /DELIVERED|CLOSED/.test(code) ? 'completed' : 'approved', mapped: true, raw: raw ?? null };
  }
  return lookupCode(RETURN_STATES, raw, 'requested');
}

export const mapEbayInquiryStatus = (raw: string | null | undefined): Mapped<CaseStatus> => lookupCode(INQUIRY_STATUSES, raw, 'requested');
export const mapEbayCaseStatus = (raw: string | null | undefined): Mapped<CaseStatus> => lookupCode(CASE_STATUSES, raw, 'escalated');
export const mapEbayCancellationStatus = (raw: string | null | undefined): Mapped<CaseStatus> => lookupCode(CANCELLATION_STATUSES, raw, 'requested');
export const mapEbayPaymentDisputeStatus = (raw: string | null | undefined): Mapped<CaseStatus> => lookupCode(PAYMENT_DISPUTE_STATES, raw, 'escalated');
