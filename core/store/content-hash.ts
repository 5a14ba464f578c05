import { createHash } from 'node:crypto';
import type { SqlValue } from './sql-driver.ts';

const NULL = '\u0000';
const SEPARATOR = '\u0001';

/**
 * A fingerprint of a normalised record given as its column values in a fixed order (nested
 * lines flattened after them): equal records hash equal, so an unchanged page is recognised
 * without comparing column by column. Built by hand rather than through JSON.stringify, which
 * was a third of the upsert time.
 */
export function contentHash(parts: readonly SqlValue[]): string {
  let text = '';
  for (const p of parts) text += (p === null ? NULL : p instanceof Date ? String(p.getTime()) : String(p)) + SEPARATOR;
  return createHash('sha1').update(text).digest('base64url');
}
