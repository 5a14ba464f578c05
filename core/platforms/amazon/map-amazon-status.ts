import type { CaseStatus } from '../../domain/taxonomy.ts';
import { lookupCode, type Mapped } from '../lookup-code.ts';

// The MFN returns report's "Return request status". Only `Approved` is verified in the
// reference; the others are the values sellers report seeing, kept so they are not counted as
// unmapped. A refunded amount above zero means the return is done, whatever the status says.
const RETURN_STATUSES: Readonly<Record<string, CaseStatus>> = {
  APPROVED: 'approved',
  PENDING: 'requested',
  REQUESTED: 'requested',
  AUTHORIZED: 'approved',
  CLOSED: 'completed',
  COMPLETED: 'completed',
  REJECTED: 'rejected',
  DENIED: 'rejected',
  CANCELED: 'cancelled',
  CANCELLED: 'cancelled',
};

export function mapAmazonReturnStatus(raw: string | null | undefined, signals: { refundedMinor: bigint | null }): Mapped<CaseStatus> {
  const mapped = lookupCode(RETURN_STATUSES, raw, 'requested');
  return signals.refundedMinor !== null && signals.refundedMinor > 0n ? { ...mapped, value: 'completed' } : mapped;
}

// A buyer's cancellation request, read from the order it is on. Once the order is `Canceled`
// the request has been carried out (completed, like eBay's CANCEL_CLOSED_WITH_REFUND); an order
// that shipped anyway means the request was turned down.
const CANCELLATION_BY_ORDER_STATUS: Readonly<Record<string, CaseStatus>> = {
  CANCELED: 'completed',
  UNFULFILLABLE: 'completed',
  PENDING: 'requested',
  UNSHIPPED: 'requested',
  PENDINGAVAILABILITY: 'requested',
  INVOICEUNCONFIRMED: 'requested',
  SHIPPED: 'rejected',
  PARTIALLYSHIPPED: 'rejected',
};

export const mapAmazonCancellationStatus = (orderStatus: string | null | undefined): Mapped<CaseStatus> =>
  lookupCode(CANCELLATION_BY_ORDER_STATUS, orderStatus, 'requested');
