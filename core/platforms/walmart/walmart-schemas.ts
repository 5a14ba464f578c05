import { z } from 'zod';

// Forgiving schemas of the Walmart Marketplace payloads we read (field names as Walmart sends them).

const Money = z.object({ currencyAmount: z.union([z.number(), z.string()]).nullish(), currencyUnit: z.string().nullish() }).nullish();

/** `GET /v3/returns`: envelope; records are parsed one by one. `nextCursor` is a whole query string. */
export const WalmartReturnPage = z.object({
  meta: z.object({ totalCount: z.number().nullish(), limit: z.number().nullish(), nextCursor: z.string().nullish() }).nullish(),
  returnOrders: z.array(z.unknown()).nullish(),
});

export const WalmartReturn = z.object({
  returnOrderId: z.string().min(1),
  customerOrderId: z.string().nullish(),
  returnOrderDate: z.string(),
  totalRefundAmount: Money,
  returnType: z.string().nullish(),
  returnOrderLines: z
    .array(
      z.object({
        returnOrderLineNumber: z.union([z.number(), z.string()]),
        purchaseOrderId: z.string().nullish(),
        returnReason: z.string().nullish(),
        item: z.object({ sku: z.string().nullish(), productName: z.string().nullish() }).nullish(),
        quantity: z.object({ measurementValue: z.number().nullish() }).nullish(),
        status: z.string().nullish(),
        statusTime: z.string().nullish(),
        returnTrackingDetail: z
          .array(z.object({ sequenceNo: z.number().nullish(), eventTag: z.string().nullish(), eventTime: z.string().nullish() }))
          .nullish(),
      }),
    )
    .min(1),
});
export type WalmartReturn = z.infer<typeof WalmartReturn>;

/** `GET /v3/orders`: envelope. */
export const WalmartOrderPage = z.object({
  list: z
    .object({
      meta: z.object({ totalCount: z.number().nullish(), limit: z.number().nullish(), nextCursor: z.string().nullish() }).nullish(),
      elements: z.object({ order: z.array(z.unknown()).nullish() }).nullish(),
    })
    .nullish(),
});

export const WalmartOrder = z.object({
  purchaseOrderId: z.string().min(1),
  customerOrderId: z.string().nullish(),
  orderDate: z.union([z.number(), z.string()]),
  orderLines: z.object({
    orderLine: z.array(
      z.object({
        lineNumber: z.union([z.string(), z.number()]),
        item: z.object({ sku: z.string().nullish(), productName: z.string().nullish() }).nullish(),
        charges: z
          .object({
            charge: z
              .array(
                z.object({
                  chargeType: z.string().nullish(),
                  chargeAmount: z.object({ currency: z.string().nullish(), amount: z.union([z.number(), z.string()]).nullish() }).nullish(),
                }),
              )
              .nullish(),
          })
          .nullish(),
        orderLineQuantity: z.object({ amount: z.union([z.string(), z.number()]).nullish() }).nullish(),
        /** When the line entered its latest status (epoch ms). */
        statusDate: z.union([z.number(), z.string()]).nullish(),
        // A line's quantity can be split across statuses, e.g. 1 Shipped and 1 Cancelled.
        orderLineStatuses: z
          .object({
            orderLineStatus: z
              .array(
                z.object({
                  status: z.string().nullish(),
                  cancellationReason: z.string().nullish(),
                  statusQuantity: z.object({ amount: z.union([z.string(), z.number()]).nullish() }).nullish(),
                }),
              )
              .nullish(),
          })
          .nullish(),
      }),
    ),
  }),
});
export type WalmartOrder = z.infer<typeof WalmartOrder>;

/** Walmart's error body: {"errors":[{"code":"…","description":"…"}]} (or {"error":[…]}). */
export const WalmartError = z.object({
  errors: z.array(z.object({ code: z.string().nullish(), description: z.string().nullish(), info: z.string().nullish() })).nullish(),
  error: z.array(z.object({ code: z.string().nullish(), description: z.string().nullish(), info: z.string().nullish() })).nullish(),
});
