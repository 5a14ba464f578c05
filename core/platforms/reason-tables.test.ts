import { describe, expect, it } from 'vitest';
import { REASONS, type Reason } from '../domain/taxonomy.ts';
import { AMAZON_REASONS, mapAmazonReason } from './amazon/map-amazon-reason.ts';
import { EBAY_CANCEL_REASONS, EBAY_REASONS, mapEbayCancelReason, mapEbayReason } from './ebay/map-ebay-reason.ts';
import { type Mapped, normaliseCode } from './lookup-code.ts';
import { mapShopifyReason, SHOPIFY_REASONS } from './shopify/map-shopify-reason.ts';
import { mapWalmartReason, WALMART_REASONS } from './walmart/map-walmart-reason.ts';
import { mapWishReason, mapWishTicketReason, WISH_REASONS } from './wish/map-wish-reason.ts';

// Every reason code named in reference/platform-apis.md (§1–§5 enums and the §7 table), written
// out here as the platforms send them, with the unified reason §7 gives it.
const EXPECTED: Record<string, [(raw: string) => Mapped<Reason>, Record<string, Reason>]> = {
  amazon: [
    mapAmazonReason,
    {
      APPAREL_TOO_SMALL: 'size_too_small',
      'AMZ-PG-APP-TOO-SMALL': 'size_too_small',
      APPAREL_TOO_LARGE: 'size_too_large',
      'AMZ-PG-APP-TOO-LARGE': 'size_too_large',
      POOR_FIT: 'size_fit',
      DEFECTIVE: 'quality_defective',
      QUALITY_UNACCEPTABLE: 'quality_defective',
      'AMZ-PG-BAD-ITEM': 'quality_defective',
      NOT_AS_DESCRIBED: 'not_as_described',
      'AMZ-PG-BAD-DESC': 'not_as_described',
      NOT_COMPATIBLE: 'not_as_described',
      PART_NOT_COMPATIBLE: 'not_as_described',
      DAMAGED_BY_CARRIER: 'damaged_in_transit',
      DAMAGED_BY_FC: 'damaged_in_transit',
      'AMZ-PG-DAMAGED': 'damaged_in_transit',
      DIFFERENT_PRODUCT: 'wrong_item',
      MISSING_PARTS: 'missing_parts',
      UNWANTED_ITEM: 'no_longer_needed',
      APPAREL_STYLE: 'no_longer_needed',
      'AMZ-PG-APP-STYLE': 'no_longer_needed',
      DID_NOT_LIKE_COLOR: 'no_longer_needed',
      DID_NOT_LIKE_FABRIC: 'no_longer_needed',
      MISORDERED: 'ordered_by_mistake',
      ORDERED_WRONG_ITEM: 'ordered_by_mistake',
      FOUND_BETTER_PRICE: 'better_price',
      MISSED_ESTIMATED_DELIVERY: 'arrived_late',
      NEVER_ARRIVED: 'not_received',
      UNDELIVERABLE_CARRIER_MISS_SORTED: 'not_received',
      UNDELIVERABLE_FAILED_DELIVERY_ATTEMPTS: 'not_received',
      UNDELIVERABLE_INSUFFICIENT_ADDRESS: 'not_received',
      UNDELIVERABLE_MISSING_LABEL: 'not_received',
      UNDELIVERABLE_REFUSED: 'not_received',
      UNDELIVERABLE_UNCLAIMED: 'not_received',
      UNDELIVERABLE_UNKNOWN: 'not_received',
      UNAUTHORIZED_PURCHASE: 'fraud_unauthorized',
      SWITCHEROO: 'fraud_unauthorized',
      NO_REASON_GIVEN: 'other',
      UNKNOWN_OTHER_REASON: 'other',
      EXTRA_ITEM: 'other',
      EXCESSIVE_INSTALLATION: 'other',
      'UND-UNKNOWN': 'other',
      'CR-DEFECTIVE': 'quality_defective',
      'CR-APPAREL_TOO_SMALL': 'size_too_small',
      NoInventory: 'seller_cannot_fulfil',
      CouldNotShip: 'seller_cannot_fulfil',
      ProductOutofStock: 'seller_cannot_fulfil',
      DifferentItem: 'wrong_item',
      Undeliverable: 'not_received',
      CustomerReturn: 'other',
      CustomerCancel: 'other',
      GeneralAdjustment: 'other',
      Other: 'other',
    },
  ],
  ebay: [
    mapEbayReason,
    {
      ARRIVED_DAMAGED: 'damaged_in_transit',
      ARRIVED_LATE: 'arrived_late',
      CUSTOMIZED: 'other',
      DEFECTIVE_ITEM: 'quality_defective',
      DIFFERENT_FROM_LISTING: 'not_as_described',
      EXPIRED_ITEM: 'quality_defective',
      FAKE_OR_COUNTERFEIT: 'counterfeit',
      FOUND_BETTER_PRICE: 'better_price',
      IN_STORE_RETURN: 'other',
      MISSING_PARTS: 'missing_parts',
      NO_LONGER_NEED_ITEM: 'no_longer_needed',
      NO_REASON: 'other',
      NOT_AS_DESCRIBED: 'not_as_described',
      ORDERED_ACCIDENTALLY: 'ordered_by_mistake',
      ORDERED_DIFFERENT_ITEM: 'wrong_item',
      ORDERED_WRONG_ITEM: 'ordered_by_mistake',
      OTHER: 'other',
      OUT_OF_STOCK: 'seller_cannot_fulfil',
      RETURNING_GIFT: 'no_longer_needed',
      VALET_DELIVERY_ISSUES: 'other',
      VALET_UNAVAILABLE: 'other',
      WRONG_SIZE: 'size_fit',
      OUT_OF_STOCK_OR_CANNOT_FULFILL: 'seller_cannot_fulfil',
      TRANSACTION_ISSUE: 'other',
      FRAUD: 'fraud_unauthorized',
      ITEM_NOT_RECEIVED: 'not_received',
      SIGNIFICANTLY_NOT_AS_DESCRIBED: 'not_as_described',
      CREDIT_NOT_PROCESSED: 'other',
      COUNTERFEIT: 'counterfeit',
      DUPLICATE_AMOUNT: 'other',
      INCORRECT_AMOUNT: 'other',
    },
  ],
  shopify: [
    mapShopifyReason,
    {
      COLOR: 'no_longer_needed',
      DEFECTIVE: 'quality_defective',
      NOT_AS_DESCRIBED: 'not_as_described',
      OTHER: 'other',
      SIZE_TOO_LARGE: 'size_too_large',
      SIZE_TOO_SMALL: 'size_too_small',
      STYLE: 'no_longer_needed',
      UNKNOWN: 'other',
      UNWANTED: 'no_longer_needed',
      WRONG_ITEM: 'wrong_item',
      'size-too-small': 'size_too_small',
      CUSTOMER: 'other',
      DECLINED: 'other',
      FRAUD: 'fraud_unauthorized',
      INVENTORY: 'seller_cannot_fulfil',
      STAFF: 'other',
      BANK_CANNOT_PROCESS: 'other',
      CREDIT_NOT_PROCESSED: 'other',
      CUSTOMER_INITIATED: 'other',
      DEBIT_NOT_AUTHORIZED: 'fraud_unauthorized',
      DUPLICATE: 'other',
      FRAUDULENT: 'fraud_unauthorized',
      GENERAL: 'other',
      INCORRECT_ACCOUNT_DETAILS: 'other',
      INSUFFICIENT_FUNDS: 'other',
      NONCOMPLIANT: 'other',
      PRODUCT_NOT_RECEIVED: 'not_received',
      PRODUCT_UNACCEPTABLE: 'not_as_described',
      SUBSCRIPTION_CANCELLED: 'other',
      UNRECOGNIZED: 'fraud_unauthorized',
    },
  ],
  walmart: [
    mapWalmartReason,
    {
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
      BillingError: 'other',
      ItemNotAsAdvertised: 'not_as_described',
      IncorrectItemReceived: 'wrong_item',
      CancelledYetShipped: 'other',
      ItemNotReceivedByCustomer: 'not_received',
      DamagedItem: 'damaged_in_transit',
      DefectiveItem: 'quality_defective',
      CustomerChangedMind: 'no_longer_needed',
      CustomerReceivedItemLate: 'arrived_late',
      'Customer returned item': 'other',
      'General adjustment': 'other',
      Others: 'other',
      CUSTOMER_REQUESTED_SELLER_TO_CANCEL: 'other',
      SELLER_CANCEL_OUT_OF_STOCK: 'seller_cannot_fulfil',
      SELLER_CANCEL_PRICING_ERROR: 'seller_cannot_fulfil',
      SELLER_CANCEL_FRAUD_STOP_SHIPMENT: 'fraud_unauthorized',
      SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE: 'seller_cannot_fulfil',
    },
  ],
  wish: [
    mapWishReason,
    {
      ITEM_DOES_NOT_FIT: 'size_fit',
      ITEM_IS_POOR_QUALITY: 'quality_defective',
      ITEM_DOES_NOT_MATCH_LISTING: 'not_as_described',
      ITEM_DOES_NOT_WORK_AS_DESCRIBED: 'not_as_described',
      ITEM_IS_DAMAGED: 'damaged_in_transit',
      EMPTY_PACKAGE: 'damaged_in_transit',
      RECEIVED_WRONG_ITEM: 'wrong_item',
      WRONG_COLOR: 'wrong_item',
      INCOMPLETE_ORDER: 'missing_parts',
      ITEM_DID_NOT_MEET_EXPECTATIONS: 'no_longer_needed',
      SHIPPING_TAKING_TOO_LONG: 'arrived_late',
      ITEM_MARKED_DELIVERED_BUT_DID_NOT_ARRIVE: 'not_received',
      ITEM_RETURNED_TO_SENDER: 'not_received',
      ITEM_IS_COUNTERFEIT: 'counterfeit',
      MERCHANT_REPORTED_BUYER_FRAUD: 'fraud_unauthorized',
      UNABLE_TO_SHIP: 'seller_cannot_fulfil',
      MERCHANT_OUT_OF_STOCK: 'seller_cannot_fulfil',
      MERCHANT_SENT_TO_WRONG_ADDRESS: 'not_received',
      REPLACEMENT_NEVER_RECEIVED: 'not_received',
      PRODUCT_LISTING_MISSING_INFO: 'not_as_described',
      RECEIVED_NOTE_FROM_MERCHANT: 'other',
      MERCHANT_REPORTED_ORDER: 'other',
    },
  ],
  // CancelReasonEnum of the Post-Order cancellation search.
  'ebay cancellations': [
    mapEbayCancelReason,
    {
      ORDER_MISTAKE: 'ordered_by_mistake',
      FOUND_CHEAPER_PRICE: 'better_price',
      PRICE_TOO_HIGH: 'better_price',
      WONT_ARRIVE_IN_TIME: 'arrived_late',
      OUT_OF_STOCK_OR_CANNOT_FULFILL: 'seller_cannot_fulfil',
      BUYER_ASKED_CANCEL: 'other',
      ADDRESS_ISSUE: 'other',
      BUYER_CANCEL_OR_ADDRESS_ISSUE: 'other',
      ORDER_UNPAID: 'other',
      OTHER: 'other',
    },
  ],
  // Tickets' refund_reason (v3 Tickets API Ticket schema): the order codes are spot-checked, plus its own four.
  'wish tickets': [
    mapWishTicketReason,
    {
      ITEM_DOES_NOT_FIT: 'size_fit',
      ITEM_IS_DAMAGED: 'damaged_in_transit',
      ITEM_NEVER_ARRIVED: 'not_received',
      USER_NO_LONGER_WANTS_ITEM: 'no_longer_needed',
      USER_PLACED_ORDER_BY_MISTAKE: 'ordered_by_mistake',
      OTHER: 'other',
    },
  ],
};

describe('platform reason codes → the 17 unified reasons', () => {
  for (const [platform, [map, codes]] of Object.entries(EXPECTED)) {
    it(`${platform}: every documented code maps as the reference says`, () => {
      const actual = Object.fromEntries(Object.keys(codes).map((code) => [code, map(code)]));
      expect(actual).toEqual(Object.fromEntries(Object.entries(codes).map(([code, value]) => [code, { value, mapped: true, raw: code }])));
    });

    it(`${platform}: an unknown code falls back to "other", keeps the raw value and is flagged unmapped`, () => {
      expect(map('BRAND_NEW_REASON_2027')).toEqual({ value: 'other', mapped: false, raw: 'BRAND_NEW_REASON_2027' });
    });
  }

  it('the tables only produce reasons of the unified list, and between them cover all 17', () => {
    const produced = new Set([AMAZON_REASONS, EBAY_REASONS, SHOPIFY_REASONS, WALMART_REASONS, WISH_REASONS].flatMap((t) => Object.values(t)));
    expect([...produced].filter((r) => !REASONS.includes(r))).toEqual([]);
    expect(REASONS.filter((r) => !produced.has(r))).toEqual([]);
  });

  it('every code in the tables is documented above (no silent additions)', () => {
    const tables = {
      amazon: AMAZON_REASONS,
      ebay: EBAY_REASONS,
      'ebay cancellations': EBAY_CANCEL_REASONS,
      shopify: SHOPIFY_REASONS,
      walmart: WALMART_REASONS,
      wish: WISH_REASONS,
    };
    for (const [platform, table] of Object.entries(tables)) {
      const documented = new Set(Object.keys(EXPECTED[platform]?.[1] ?? {}).map((c) => normaliseCode(c)));
      expect(Object.keys(table).filter((key) => !documented.has(key))).toEqual([]);
    }
  });

  it('no reason given is not an unmapped value', () => {
    expect(mapEbayReason('')).toEqual({ value: 'other', mapped: true, raw: null });
  });
});
