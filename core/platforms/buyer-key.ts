import { createHash } from 'node:crypto';

/**
 * A pseudonymous, stable key for a buyer: enough to count repeat buyers, useless for contacting
 * them. Names and emails are not stored with cases (DESIGN, "Safety and privacy").
 */
export function buyerKey(platform: string, buyerId: string | null | undefined): string | null {
  if (!buyerId) return null;
  return createHash('sha256').update(`${platform}:${buyerId}`).digest('base64url').slice(0, 16);
}
