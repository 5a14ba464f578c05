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

const PaginationOutput = z
  .object({ limit: z.number().nullish(), offset: z.number().nullish(), totalEntries: z.number().nullish(), totalPages: z.number().nullish() })
  .nullish();
// Post-Order search summaries type some ids as integers (inquiryId, caseId, itemId, transactionId); read either form.
const NumericId = z.union([z.string().min(1), z.number().int()]).transform(String);
const OptionalId = z
  .union([z.string(), z.number().int()])
  .nullish()
  .transform((v) => (v === null || v === undefined || v === '' ? null : String(v)));

/** Post-Order API `GET /post-order/v2/return/search`: the page envelope. */
export const EbayReturnPage = z.object({
  members: z.array(z.unknown()).nullish(),
  paginationOutput: PaginationOutput,
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

/** Post-Order `GET /post-order/v2/inquiry/search` (InquirySearchResponse): envelope. */
export const EbayInquiryPage = z.object({
  members: z.array(z.unknown()).nullish(),
  paginationOutput: PaginationOutput,
  totalNumberOfInquiries: z.number().nullish(),
});

/** The fields an inquiry summary and a case summary share: the item, the buyer, the amount, the dates. */
const BuyerDisputeSummary = z.object({
  itemId: OptionalId,
  transactionId: OptionalId,
  buyer: z.string().nullish(),
  claimAmount: Amount,
  creationDate: z.object({ value: z.string() }),
  lastModifiedDate: DateValue,
  respondByDate: DateValue,
});

/** InquirySummaryType: an Item Not Received inquiry. No order id: the line is its item and transaction. */
export const EbayInquiry = BuyerDisputeSummary.extend({
  inquiryId: NumericId,
  inquiryStatusEnum: z.string().nullish(),
});
export type EbayInquiry = z.infer<typeof EbayInquiry>;

/** Post-Order `GET /post-order/v2/casemanagement/search` (CaseSearchResponse): envelope. */
export const EbayCasePage = z.object({
  members: z.array(z.unknown()).nullish(),
  paginationOutput: PaginationOutput,
  totalNumberOfCases: z.number().nullish(),
});

/** CaseSummaryType: an eBay Money Back Guarantee case (an escalated inquiry or return). */
export const EbayCase = BuyerDisputeSummary.extend({
  caseId: NumericId,
  caseStatusEnum: z.string().nullish(),
  // Not in the documented summary (only in the case detail); read when eBay sends it.
  caseType: z.string().nullish(),
});
export type EbayCase = z.infer<typeof EbayCase>;

/** Post-Order `GET /post-order/v2/cancellation/search` (FindCancelResponse): envelope. */
export const EbayCancellationPage = z.object({
  cancellations: z.array(z.unknown()).nullish(),
  paginationOutput: PaginationOutput,
  total: z.number().nullish(),
});

/** CancelSummary: a buyer's (or seller's) request to cancel an order. */
export const EbayCancellation = z.object({
  cancelId: NumericId,
  legacyOrderId: z.string().nullish(),
  cancelState: z.string().nullish(),
  cancelStatus: z.string().nullish(),
  cancelReason: z.string().nullish(),
  cancelCloseReason: z.string().nullish(),
  requestorType: z.string().nullish(),
  buyerLoginName: z.string().nullish(),
  requestRefundAmount: Amount,
  cancelRequestDate: z.object({ value: z.string() }),
  cancelCloseDate: DateValue,
  sellerResponseDueDate: DateValue,
  lineItems: z.array(z.object({ itemId: OptionalId, transactionId: OptionalId, cancelQuantity: z.number().int().nullish() })).nullish(),
});
export type EbayCancellation = z.infer<typeof EbayCancellation>;
