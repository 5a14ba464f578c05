import type { CaseStatus } from '../../domain/taxonomy.ts';
import { lookupCode, type Mapped } from '../lookup-code.ts';

const RETURN_STATUSES: Readonly<Record<string, CaseStatus>> = {
  REQUESTED: 'requested',
  OPEN: 'approved',
  DECLINED: 'rejected',
  CLOSED: 'completed',
  CANCELED: 'cancelled',
};

// WON, LOST and ACCEPTED are outcomes of a finished dispute; the raw status keeps which one.
const DISPUTE_STATUSES: Readonly<Record<string, CaseStatus>> = {
  NEEDS_RESPONSE: 'escalated',
  UNDER_REVIEW: 'escalated',
  ACCEPTED: 'completed',
  WON: 'completed',
  LOST: 'completed',
  CHARGE_REFUNDED: 'completed',
};

export const mapShopifyReturnStatus = (raw: string | null | undefined): Mapped<CaseStatus> => lookupCode(RETURN_STATUSES, raw, 'requested');
export const mapShopifyDisputeStatus = (raw: string | null | undefined): Mapped<CaseStatus> => lookupCode(DISPUTE_STATUSES, raw, 'escalated');
