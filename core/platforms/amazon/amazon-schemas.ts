import { z } from 'zod';

// Forgiving schemas of the SP-API payloads we read, with Amazon's own field names. Envelopes are
// checked whole; records one by one, so one bad record is skipped, not the page.

/** SP-API's error body: {"errors":[{"code":"QuotaExceeded","message":"…","details":"…"}]}. */
export const AmazonErrors = z.object({
  errors: z.array(z.object({ code: z.string().nullish(), message: z.string().nullish(), details: z.string().nullish() })).nullish(),
});

/** Login with Amazon token answer (and its OAuth error answer). */
export const LwaToken = z.object({ access_token: z.string().min(1), expires_in: z.number().nullish() });
export const LwaError = z.object({ error: z.string().nullish(), error_description: z.string().nullish() });

// ── Reports API 2021-06-30 ───────────────────────────────────────────────────────────────────

export const CreateReportResponse = z.object({ reportId: z.string().min(1) });

export const REPORT_STATUSES = ['IN_QUEUE', 'IN_PROGRESS', 'DONE', 'CANCELLED', 'FATAL'] as const;
export const AmazonReport = z.object({
  reportId: z.string(),
  reportType: z.string().nullish(),
  processingStatus: z.string(),
  dataStartTime: z.string().nullish(),
  dataEndTime: z.string().nullish(),
  reportDocumentId: z.string().nullish(),
});

export const AmazonReportDocument = z.object({
  reportDocumentId: z.string(),
  url: z.string().url(),
  compressionAlgorithm: z.string().nullish(),
});

/** A row of GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE (MFN), by its header names. */
export const AmazonReturnRow = z.object({
  'Order ID': z.string().min(1),
  'Order date': z.string().nullish(),
  'Return request date': z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'a date'),
  'Return request status': z.string().nullish(),
  'Amazon RMA ID': z.string().min(1),
  'Currency code': z.string().nullish(),
  'A-to-Z Claim': z.string().nullish(),
  ASIN: z.string().nullish(),
  'Merchant SKU': z.string().nullish(),
  'Item Name': z.string().nullish(),
  'Return quantity': z.string().nullish(),
  'Return Reason': z.string().nullish(),
  'Return type': z.string().nullish(),
  Resolution: z.string().nullish(),
  'Order Amount': z.string().nullish(),
  'Refunded Amount': z.string().nullish(),
  'Return delivery date': z.string().nullish(),
});
export type AmazonReturnRow = z.infer<typeof AmazonReturnRow>;

/** A row of GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL: one order item. */
export const AmazonOrderRow = z.object({
  'amazon-order-id': z.string().min(1),
  'merchant-order-id': z.string().nullish(),
  'purchase-date': z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'a date'),
  'last-updated-date': z.string().nullish(),
  'order-status': z.string().nullish(),
  sku: z.string().nullish(),
  asin: z.string().nullish(),
  'item-status': z.string().nullish(),
  quantity: z.string().nullish(),
  currency: z.string().nullish(),
  'item-price': z.string().nullish(),
});
export type AmazonOrderRow = z.infer<typeof AmazonOrderRow>;

// ── Finances API v0 ──────────────────────────────────────────────────────────────────────────

const Money = z.object({ CurrencyCode: z.string().nullish(), CurrencyAmount: z.union([z.number(), z.string()]).nullish() }).nullish();

/** `GET /finances/v0/financialEvents`: the lists are parsed event by event. */
export const FinancialEventsPage = z.object({
  payload: z.object({
    NextToken: z.string().nullish(),
    FinancialEvents: z.object({
      RefundEventList: z.array(z.unknown()).nullish(),
      GuaranteeClaimEventList: z.array(z.unknown()).nullish(),
      ChargebackEventList: z.array(z.unknown()).nullish(),
    }),
  }),
});

/** The ShipmentEvent shape that refunds, A-to-z guarantee claims and chargebacks share. */
export const ShipmentEvent = z.object({
  AmazonOrderId: z.string().min(1),
  SellerOrderId: z.string().nullish(),
  MarketplaceName: z.string().nullish(),
  PostedDate: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'a date'),
  ShipmentItemAdjustmentList: z
    .array(
      z.object({
        SellerSKU: z.string().nullish(),
        OrderAdjustmentItemId: z.string().nullish(),
        QuantityShipped: z.number().nullish(),
        ItemChargeAdjustmentList: z.array(z.object({ ChargeType: z.string().nullish(), ChargeAmount: Money })).nullish(),
      }),
    )
    .nullish(),
});
export type ShipmentEvent = z.infer<typeof ShipmentEvent>;

// ── Orders API v0 ────────────────────────────────────────────────────────────────────────────

export const OrdersPage = z.object({
  payload: z.object({ Orders: z.array(z.unknown()).nullish(), NextToken: z.string().nullish() }),
});

export const AmazonOrder = z.object({
  AmazonOrderId: z.string().min(1),
  PurchaseDate: z.string(),
  LastUpdateDate: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'a date'),
  OrderStatus: z.string(),
  OrderTotal: z.object({ CurrencyCode: z.string().nullish(), Amount: z.string().nullish() }).nullish(),
  MarketplaceId: z.string().nullish(),
});
export type AmazonOrder = z.infer<typeof AmazonOrder>;

export const OrderItemsPage = z.object({
  payload: z.object({
    AmazonOrderId: z.string().nullish(),
    NextToken: z.string().nullish(),
    OrderItems: z.array(
      z.object({
        ASIN: z.string().nullish(),
        SellerSKU: z.string().nullish(),
        OrderItemId: z.string(),
        QuantityOrdered: z.number().nullish(),
        ItemPrice: z.object({ CurrencyCode: z.string().nullish(), Amount: z.string().nullish() }).nullish(),
        BuyerRequestedCancel: z.object({ IsBuyerRequestedCancel: z.string().nullish(), BuyerCancelReason: z.string().nullish() }).nullish(),
      }),
    ),
  }),
});
export type AmazonOrderItem = z.infer<typeof OrderItemsPage>['payload']['OrderItems'][number];
