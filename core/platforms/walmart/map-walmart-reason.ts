import type { Reason } from '../../domain/taxonomy.ts';
import { lookupCode, type Mapped } from '../lookup-code.ts';

/** Returns `returnReason` (19 codes), order `refundReason` and `cancellationReason`. */
export const WALMART_REASONS: Readonly<Record<string, Reason>> = {
  'WRONG_SIZE/POOR_FIT': 'size_fit',
  BOUGHT_ANOTHER_SIZE_OR_COLOR: 'size_fit',
  DEFECTIVE: 'quality_defective',
  INADEQUATE_QUALITY: 'quality_defective',
  NOT_AS_DESCRIBED: 'not_as_described',
  DAMAGED: 'damaged_in_transit',
  SHIPPING_BOX_DAMAGED: 'damaged_in_transit',
  INCORRECT_ITEM: 'wrong_item',
  MISSING_PARTS: 'missing_parts',
  NO_LONGER_WANTED: 'no_longer_needed',
  DUPLICATE_ITEM: 'ordered_by_mistake',
  TRIED_TO_CANCEL: 'ordered_by_mistake',
  LOWER_PRICE: 'better_price',
  BOUGHT_SOMEWHERE_ELSE: 'better_price',
  ARRIVED_LATE: 'arrived_late',
  LOST_IN_TRANSIT: 'not_received',
  LOST_AFTER_DELIVERY: 'not_received',
  RETURN_TO_SENDER: 'not_received',
  AUTO_RETURN: 'other',
  // Order refundReason
  ITEMNOTASADVERTISED: 'not_as_described',
  INCORRECTITEMRECEIVED: 'wrong_item',
  ITEMNOTRECEIVEDBYCUSTOMER: 'not_received',
  DAMAGEDITEM: 'damaged_in_transit',
  DEFECTIVEITEM: 'quality_defective',
  CUSTOMERCHANGEDMIND: 'no_longer_needed',
  CUSTOMERRECEIVEDITEMLATE: 'arrived_late',
  CANCELLEDYETSHIPPED: 'other',
  BILLINGERROR: 'other',
  CUSTOMER_RETURNED_ITEM: 'other',
  GENERAL_ADJUSTMENT: 'other',
  OTHERS: 'other',
  // cancellationReason
  SELLER_CANCEL_OUT_OF_STOCK: 'seller_cannot_fulfil',
  SELLER_CANCEL_PRICING_ERROR: 'seller_cannot_fulfil',
  SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE: 'seller_cannot_fulfil',
  SELLER_CANCEL_FRAUD_STOP_SHIPMENT: 'fraud_unauthorized',
  CUSTOMER_REQUESTED_SELLER_TO_CANCEL: 'other',
};

export function mapWalmartReason(raw: string | null | undefined): Mapped<Reason> {
  return lookupCode(WALMART_REASONS, raw, 'other');
}
