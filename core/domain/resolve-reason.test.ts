import { describe, expect, it } from 'vitest';
import { mapEbayReason } from '../platforms/ebay/map-ebay-reason.ts';
import { mapShopifyReason } from '../platforms/shopify/map-shopify-reason.ts';
import { resolveReason } from './resolve-reason.ts';

describe('resolveReason', () => {
  it('keeps a specific platform reason even when the text says something else', () => {
    expect(resolveReason(mapShopifyReason('DEFECTIVE'), 'also a bit too small')).toEqual({ reason: 'quality_defective', source: 'platform' });
  });

  it('reads the direction of a size complaint from the text (eBay WRONG_SIZE + "Runs small")', () => {
    expect(resolveReason(mapEbayReason('WRONG_SIZE'), 'Runs small')).toEqual({ reason: 'size_too_small', source: 'text' });
    expect(resolveReason(mapEbayReason('WRONG_SIZE'), '偏大')).toEqual({ reason: 'size_too_large', source: 'text' });
    expect(resolveReason(mapEbayReason('WRONG_SIZE'), 'broken zip')).toEqual({ reason: 'size_fit', source: 'platform' });
  });

  it('classifies the text under a generic platform reason', () => {
    expect(resolveReason(mapShopifyReason('OTHER'), '尺码小')).toEqual({ reason: 'size_too_small', source: 'text' });
    expect(resolveReason(mapEbayReason('SOMETHING_NEW'), 'arrived damaged')).toEqual({ reason: 'damaged_in_transit', source: 'text' });
  });

  it('falls back to other, saying whether the platform gave a generic reason or none we know', () => {
    expect(resolveReason(mapShopifyReason('OTHER'), 'please help')).toEqual({ reason: 'other', source: 'platform' });
    expect(resolveReason(mapShopifyReason('SOMETHING_NEW'), null)).toEqual({ reason: 'other', source: 'fallback' });
    expect(resolveReason(mapShopifyReason(null), null)).toEqual({ reason: 'other', source: 'fallback' });
  });
});
