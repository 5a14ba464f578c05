import { z } from 'zod';

// Forgiving schemas of the Admin GraphQL answers we read: only the fields we use, everything
// nullish, so a field Shopify drops or adds never fails a sync. Field names as Shopify sends them.

const Money = z.object({ amount: z.union([z.string(), z.number()]).nullish(), currencyCode: z.string().nullish() }).nullish();
const MoneyBag = z.object({ shopMoney: Money }).nullish();
const PageInfo = z.object({ hasNextPage: z.boolean().nullish(), endCursor: z.string().nullish() }).nullish();
const Nodes = z.object({ pageInfo: PageInfo, nodes: z.array(z.unknown()).nullish() }).nullish();
const LineItemRef = z.object({ id: z.string().nullish(), sku: z.string().nullish() }).nullish();

/** `extensions.cost`: what a query cost and how full the bucket is. */
export const ShopifyCost = z.object({
  requestedQueryCost: z.number().nullish(),
  actualQueryCost: z.number().nullish(),
  throttleStatus: z.object({ maximumAvailable: z.number().nullish(), currentlyAvailable: z.number().nullish(), restoreRate: z.number().nullish() }).nullish(),
});
export type ShopifyCost = z.infer<typeof ShopifyCost>;

/** Every GraphQL answer: data, errors (THROTTLED among them, with HTTP 200), and the cost. */
export const GraphqlEnvelope = z.object({
  data: z.unknown().nullish(),
  errors: z
    .array(
      z.object({
        message: z.string().nullish(),
        extensions: z.object({ code: z.string().nullish() }).passthrough().nullish(),
      }),
    )
    .nullish(),
  extensions: z.object({ cost: ShopifyCost.nullish() }).nullish(),
});

/** `data.orders` of the orders query: the envelope; orders are read one by one. */
export const ShopifyOrdersData = z.object({
  orders: z.object({ pageInfo: PageInfo, nodes: z.array(z.unknown()) }),
});

export const ShopifyLineItem = z.object({
  id: z.string().min(1),
  sku: z.string().nullish(),
  quantity: z.number().int().nonnegative().nullish(),
  originalTotalSet: MoneyBag,
});

export const ShopifyOrder = z.object({
  id: z.string().min(1),
  name: z.string().nullish(),
  createdAt: z.string().min(1),
  updatedAt: z.string().nullish(),
  cancelledAt: z.string().nullish(),
  cancelReason: z.string().nullish(),
  currencyCode: z.string().nullish(),
  displayFulfillmentStatus: z.string().nullish(),
  customer: z.object({ id: z.string().nullish() }).nullish(),
  totalPriceSet: MoneyBag,
  lineItems: z.object({ pageInfo: PageInfo, nodes: z.array(ShopifyLineItem) }).nullish(),
  // Returns and refunds are parsed one by one, so one broken return does not lose its order.
  returns: Nodes,
  refunds: z.array(z.unknown()).nullish(),
});
export type ShopifyOrder = z.infer<typeof ShopifyOrder>;

export const ShopifyReturnLineItem = z.object({
  id: z.string().min(1),
  quantity: z.number().int().nonnegative().nullish(),
  /** Deprecated enum, still answered; the reason definition's handle is the newer, finer code. */
  returnReason: z.string().nullish(),
  returnReasonDefinition: z.object({ handle: z.string().nullish() }).nullish(),
  returnReasonNote: z.string().nullish(),
  customerNote: z.string().nullish(),
  withCodeDiscountedTotalPriceSet: MoneyBag,
  fulfillmentLineItem: z.object({ lineItem: LineItemRef }).nullish(),
});
export type ShopifyReturnLineItem = z.infer<typeof ShopifyReturnLineItem>;

export const ShopifyReturn = z.object({
  id: z.string().min(1),
  name: z.string().nullish(),
  status: z.string().nullish(),
  createdAt: z.string().min(1),
  requestApprovedAt: z.string().nullish(),
  closedAt: z.string().nullish(),
  totalQuantity: z.number().nullish(),
  decline: z.object({ reason: z.string().nullish(), note: z.string().nullish() }).nullish(),
  // Nodes that are not ReturnLineItem (unverified items) come back as {} and are left out.
  returnLineItems: z.object({ nodes: z.array(z.unknown()).nullish() }).nullish(),
});
export type ShopifyReturn = z.infer<typeof ShopifyReturn>;

export const ShopifyRefund = z.object({
  id: z.string().min(1),
  createdAt: z.string().min(1),
  note: z.string().nullish(),
  return: z.object({ id: z.string().nullish() }).nullish(),
  totalRefundedSet: MoneyBag,
  refundLineItems: z
    .object({
      nodes: z.array(z.object({ quantity: z.number().int().nonnegative().nullish(), lineItem: LineItemRef, subtotalSet: MoneyBag })).nullish(),
    })
    .nullish(),
});
export type ShopifyRefund = z.infer<typeof ShopifyRefund>;

/** `data.disputes` of the disputes query. */
export const ShopifyDisputesData = z.object({
  disputes: z.object({ pageInfo: PageInfo, nodes: z.array(z.unknown()) }),
});

export const ShopifyDispute = z.object({
  id: z.string().min(1),
  status: z.string().nullish(),
  type: z.string().nullish(),
  amount: Money,
  reasonDetails: z.object({ reason: z.string().nullish(), networkReasonCode: z.string().nullish() }).nullish(),
  initiatedAt: z.string().min(1),
  /** A Date ("2025-05-16"), not a DateTime. */
  evidenceDueBy: z.string().nullish(),
  evidenceSentOn: z.string().nullish(),
  finalizedOn: z.string().nullish(),
  order: z.object({ id: z.string().nullish() }).nullish(),
});
export type ShopifyDispute = z.infer<typeof ShopifyDispute>;
