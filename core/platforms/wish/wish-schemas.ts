import { z } from 'zod';

// Forgiving schemas of the Wish Merchant API v3 payloads we read (field names as in Wish's own
// OpenAPI, v3.0.65): only the fields we use, everything else nullish.

/** Every Wish answer: `{code, message, data}`; `code` 0 is success, anything else an error (even in a 200). */
export const WishEnvelope = z.object({
  code: z.union([z.number(), z.string()]).nullish(),
  message: z.string().nullish(),
  data: z.unknown(),
});

const Money = z.object({ amount: z.union([z.number(), z.string()]).nullish(), currency_code: z.string().nullish() }).nullish();

export const WishRefund = z.object({
  refund_time: z.string().nullish(),
  refund_amount: Money,
  merchant_responsible_amount: Money,
  refund_reason: z.string().nullish(),
  refund_reason_note: z.string().nullish(),
  refund_source: z.string().nullish(),
});
export type WishRefund = z.infer<typeof WishRefund>;

/** `GET /api/v3/orders` → `data: Order[]`. A Wish order is one product (variation) in some quantity. */
export const WishOrder = z.object({
  id: z.string().min(1),
  state: z.string().nullish(),
  updated_at: z.string(),
  released_at: z.string().nullish(),
  transaction_id: z.string().nullish(),
  product_information: z
    .object({
      id: z.string().nullish(),
      variation_id: z.string().nullish(),
      sku: z.string().nullish(),
      name: z.string().nullish(),
      size: z.string().nullish(),
      color: z.string().nullish(),
    })
    .nullish(),
  order_payment: z
    .object({
      general_payment_details: z
        .object({
          product_quantity: z.number().int().nullish(),
          // Per unit, like its siblings product_merchant_payment and product_shipping_price.
          product_price: Money,
          payment_total: Money,
        })
        .nullish(),
    })
    .nullish(),
  refunds: z.array(WishRefund).nullish(),
  processing_status: z.string().nullish(),
});
export type WishOrder = z.infer<typeof WishOrder>;

/** `GET /api/v3/tickets` → `data: Ticket[]`. */
export const WishTicket = z.object({
  id: z.string().min(1),
  type: z.string().nullish(),
  sub_label: z.string().nullish(),
  subject: z.string().nullish(),
  state: z.string().nullish(),
  opened_at: z.string(),
  updated_at: z.string().nullish(),
  resolution_info: z.object({ closed_at: z.string().nullish(), closed_by: z.string().nullish() }).nullish(),
  orders: z.array(z.object({ id: z.string().nullish() })).nullish(),
  products: z.array(z.object({ id: z.string().nullish() })).nullish(),
  replies: z.array(z.object({ message: z.string().nullish(), replied_at: z.string().nullish(), sender: z.string().nullish() })).nullish(),
  refund_reason: z.string().nullish(),
});
export type WishTicket = z.infer<typeof WishTicket>;

/** `GET /api/v3/oauth/refresh_token` → `data: AccessToken`. */
export const WishAccessToken = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().nullish(),
  expiry_time: z.string().nullish(),
  merchant_id: z.string().nullish(),
});
