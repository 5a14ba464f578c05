import { z } from 'zod';

// Forgiving schemas of the eBay payloads we read: only the fields we use, everything nullish,
// so a field eBay drops or adds never fails a sync. Field names as eBay sends them.

const Amount = z.object({ value: z.union([z.string(), z.number()]).nullish(), currency: z.string().nullish() }).nullish();
const DateValue = z.object({ value: z.string().nullish() }).nullish();

/** Fulfillment API `GET /sell/fulfillment/v1/order`: the page envelope. Records are parsed one by one. */
export const EbayOrderPage = z.object({
  orders: z.array(z.unknown()).nullish(),
  total: z.number().nullish(),
  offset: z.number().nullish(),
  limit: z.number().nullish(),
});

export const EbayOrder = z.object({
  orderId: z.string().min(1),
  creationDate: z.string(),
  lastModifiedDate: z.string().nullish(),
  orderFulfillmentStatus: z.string().nullish(),
  buyer: z.object({ username: z.string().nullish() }).nullish(),
  pricingSummary: z.object({ total: Amount }).nullish(),
  lineItems: z
    .array(
      z.object({
        lineItemId: z.string().min(1),
        legacyItemId: z.string().nullish(),
        legacyVariationId: z.string().nullish(),
        sku: z.string().nullish(),
        title: z.string().nullish(),
        quantity: z.number().int().nullish(),
        lineItemCost: Amount,
      }),
    )
    .nullish(),
});
export type EbayOrder = z.infer<typeof EbayOrder>;

/** Post-Order API `GET /post-order/v2/return/search`: the page envelope. */
export const EbayReturnPage = z.object({
  members: z.array(z.unknown()).nullish(),
  paginationOutput: z
    .object({ limit: z.number().nullish(), offset: z.number().nullish(), totalEntries: z.number().nullish(), totalPages: z.number().nullish() })
    .nullish(),
});

export const EbayReturn = z.object({
  returnId: z.string().min(1),
  orderId: z.string().nullish(),
  buyerLoginName: z.string().nullish(),
  currentType: z.string().nullish(),
  state: z.string().nullish(),
  status: z.string().nullish(),
  creationInfo: z.object({
    item: z.object({ itemId: z.string().nullish(), transactionId: z.string().nullish(), returnQuantity: z.number().int().nullish() }).nullish(),
    type: z.string().nullish(),
    reason: z.string().nullish(),
    reasonType: z.string().nullish(),
    comments: z.object({ content: z.string().nullish() }).nullish(),
    creationDate: z.object({ value: z.string() }),
  }),
  sellerTotalRefund: z.object({ estimatedRefundAmount: Amount, actualRefundAmount: Amount }).nullish(),
  sellerResponseDue: z.object({ activityDue: z.string().nullish(), respondByDate: DateValue }).nullish(),
  closeInfo: z.object({ returnCloseDate: DateValue }).nullish(),
});
export type EbayReturn = z.infer<typeof EbayReturn>;

/** eBay's error envelope, e.g. {"error":[{"errorId":1616,…,"message":"Invalid Input."}]} or {"errors":[…]}. */
export const EbayError = z.object({
  error: z.array(z.object({ errorId: z.number().nullish(), message: z.string().nullish() })).nullish(),
  errors: z.array(z.object({ errorId: z.number().nullish(), message: z.string().nullish() })).nullish(),
});

/** Fulfillment API `GET /sell/fulfillment/v1/payment_dispute_summary` (on apiz.ebay.com): envelope. */
export const EbayDisputePage = z.object({
  paymentDisputeSummaries: z.array(z.unknown()).nullish(),
  total: z.number().nullish(),
  offset: z.number().nullish(),
  limit: z.number().nullish(),
});

export const EbayPaymentDispute = z.object({
  paymentDisputeId: z.string().min(1),
  orderId: z.string().nullish(),
  buyerUsername: z.string().nullish(),
  amount: Amount,
  reason: z.string().nullish(),
  paymentDisputeStatus: z.string().nullish(),
  openDate: z.string(),
  closedDate: z.string().nullish(),
  respondByDate: z.string().nullish(),
});
export type EbayPaymentDispute = z.infer<typeof EbayPaymentDispute>;
