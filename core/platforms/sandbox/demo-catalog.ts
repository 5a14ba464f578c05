import { below, hashString } from './prng.ts';

export type DemoCategory = 'apparel' | 'electronics' | 'home';

export interface DemoSku {
  sellerSku: string;
  title: string;
  category: DemoCategory;
  size: string | null;
  color: string | null;
  /** Price in USD cents; other currencies convert at the demo's fixed rates. */
  priceUsdMinor: number;
}

const SIZES = ['XS', 'S', 'M', 'L', 'XL'] as const;
const APPAREL: readonly [string, string, number][] = [
  ['TEE-SLIM', 'Slim-fit cotton tee', 1999],
  ['TEE-CLASSIC', 'Classic crew tee', 1799],
  ['HOODIE-FLEECE', 'Fleece hoodie', 4499],
  ['JEANS-STRAIGHT', 'Straight-leg jeans', 5499],
  ['DRESS-WRAP', 'Wrap dress', 3999],
  ['LEGGINGS-HW', 'High-waist leggings', 2499],
  ['JACKET-RAIN', 'Packable rain jacket', 6999],
  ['SOCKS-3PK', 'Merino socks (3 pairs)', 1499],
];
const COLORS = [
  ['BLK', 'black'],
  ['WHT', 'white'],
  ['NVY', 'navy'],
  ['GRY', 'grey'],
] as const;
const ELECTRONICS: readonly [string, string, number][] = [
  ['EARBUDS-PRO', 'Wireless earbuds Pro', 5999],
  ['EARBUDS-LITE', 'Wireless earbuds Lite', 2999],
  ['CHARGER-65W', '65 W USB-C charger', 3499],
  ['CABLE-USBC-2M', 'USB-C cable 2 m', 999],
  ['POWERBANK-10K', 'Power bank 10,000 mAh', 2799],
  ['SPEAKER-MINI', 'Mini Bluetooth speaker', 3999],
  ['SMARTPLUG-2PK', 'Smart plug (2 pack)', 2499],
  ['WEBCAM-1080', '1080p webcam', 4599],
];
const HOME: readonly [string, string, number][] = [
  ['MUG-12OZ', 'Ceramic mug 12 oz', 1450],
  ['LAMP-DESK', 'LED desk lamp', 3299],
  ['TOWEL-BATH', 'Bath towel', 1899],
  ['VASE-GLASS', 'Glass vase', 2599],
  ['PILLOW-MEMORY', 'Memory foam pillow', 3999],
  ['PAN-NONSTICK', 'Non-stick pan 28 cm', 3499],
  ['CANDLE-SOY', 'Soy candle', 1299],
  ['FRAME-A4', 'Photo frame A4', 1599],
];

function buildCatalog(): DemoSku[] {
  const out: DemoSku[] = [];
  for (const [code, title, price] of APPAREL) {
    for (const [c, color] of COLORS) {
      for (const size of SIZES)
        out.push({ sellerSku: `${code}-${c}-${size}`, title: `${title}, ${color}, ${size}`, category: 'apparel', size, color, priceUsdMinor: price });
    }
  }
  for (const [code, title, price] of ELECTRONICS) {
    for (const [c, color] of COLORS.slice(0, 2))
      out.push({ sellerSku: `${code}-${c}`, title: `${title}, ${color}`, category: 'electronics', size: null, color, priceUsdMinor: price });
  }
  for (const [code, title, price] of HOME) {
    for (const [c, color] of COLORS)
      out.push({ sellerSku: `${code}-${c}`, title: `${title}, ${color}`, category: 'home', size: null, color, priceUsdMinor: price });
  }
  return out;
}

/** 208 SKUs: apparel in five sizes and four colours, electronics, home goods. */
export const DEMO_CATALOG: readonly DemoSku[] = buildCatalog();

/** Planted: most of this SKU's returns are "too small", some said only in the customer's words. */
export const TOO_SMALL_SKU = 'TEE-SLIM-BLK-M';
/** Planted: this SKU's defect returns spike in the last two weeks. */
export const DEFECT_SPIKE_SKU = 'EARBUDS-PRO-WHT';

const bySku = new Map(DEMO_CATALOG.map((s) => [s.sellerSku, s]));
export function demoSku(sellerSku: string): DemoSku {
  const sku = bySku.get(sellerSku);
  if (!sku) throw new Error(`not a demo SKU: ${sellerSku}`);
  return sku;
}

/** A store-dependent but fixed listing id, shaped like the platform's (ASIN, eBay item id, …). */
export function demoListingId(platform: string, sellerSku: string): string {
  const h = hashString(`${platform}:${sellerSku}`);
  switch (platform) {
    case 'amazon':
      return `B0${h.toString(36).toUpperCase().padStart(8, '0').slice(0, 8)}`;
    case 'ebay':
      return `2${String(h).padStart(11, '0')}`;
    case 'shopify':
      return `gid://shopify/ProductVariant/${40_000_000_000 + (h % 1_000_000_000)}`;
    case 'walmart':
      return String(100_000_000 + (h % 900_000_000));
    default:
      return `${h.toString(16).padStart(8, '0')}${below(0xffff, h).toString(16)}`;
  }
}
