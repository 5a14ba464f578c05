import { createHash } from 'node:crypto';

function replacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/**
 * A stable fingerprint of a normalised record: equal records hash equal, so an unchanged page
 * is recognised without comparing column by column. Dates serialise as ISO strings through
 * JSON; key order is the mapper's, which is fixed by the record schema.
 */
export function contentHash(record: unknown): string {
  return createHash('sha1').update(JSON.stringify(record, replacer)).digest('base64url');
}
