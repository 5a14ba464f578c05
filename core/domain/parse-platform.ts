import { PLATFORMS, type Platform } from './taxonomy.ts';

const ALIASES: Readonly<Record<string, Platform>> = {
  amazon: 'amazon',
  amz: 'amazon',
  'amazon.com': 'amazon',
  ebay: 'ebay',
  shopify: 'shopify',
  walmart: 'walmart',
  wmt: 'walmart',
  wish: 'wish',
};

/** "Amazon", "amazon" and "AMZ" are one platform; null when the name is none of ours. */
export function parsePlatform(name: string): Platform | null {
  return ALIASES[name.trim().toLowerCase()] ?? null;
}

export const PLATFORM_NAMES = PLATFORMS.join(', ');
