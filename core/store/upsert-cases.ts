import { CaseRecord } from '../domain/records.ts';
import { type CaseEventDraft, caseEventsForChange } from './case-events-for-change.ts';
import { contentHash } from './content-hash.ts';
import { inSlices, insertRows, placeholders, updateByIdSql } from './insert-rows.ts';
import { type Hashed, partitionByHash } from './partition-by-hash.ts';
import { selectExisting } from './select-existing.ts';
import { readOptionalBigInt, type SqlDriver, type SqlValue } from './sql-driver.ts';
import type { StoreRef } from './upsert-orders.ts';
import { lastByKey, type WriteSummary } from './write-summary.ts';

type Case = ReturnType<typeof CaseRecord.parse>;

const DATA = [
  'platform',
  'type',
  'status',
  'raw_status',
  'reason',
  'raw_reason',
  'customer_text',
  'reason_source',
  'platform_order_id',
  'requested_at',
  'decided_at',
  'closed_at',
  'refunded_at',
  'respond_by',
  'currency',
  'requested_minor',
  'refunded_minor',
  'assignee',
  'buyer_key',
  'deep_link',
  'content_hash',
] as const;
// Platforms do not know who on the team handles a case: a sync that brings no assignee keeps
// the one given in HelloWord.
const UPDATE_SQL = updateByIdSql('cases', DATA).replace('"assignee" = ?', '"assignee" = COALESCE(?, "assignee")');
/** The columns a new case is inserted with, in the order `upsertCases` writes them. */
export const CASE_INSERT_COLUMNS = ['store_id', 'kind', 'platform_case_id', ...DATA, 'created_at', 'updated_at'] as const;
export const LINE_COLUMNS = ['case_id', 'line_key', 'seller_sku', 'quantity', 'amount_minor', 'currency', 'reason', 'requested_at'] as const;
export const EVENT_COLUMNS = ['case_id', 'at', 'type', 'actor', 'from_value', 'to_value', 'detail'] as const;

const keyOf = (kind: string, platformCaseId: string) => `${kind}\u0000${platformCaseId}`;

function normalise(input: CaseRecord): Case {
  const c = CaseRecord.parse(input);
  return { ...c, lines: [...lastByKey(c.lines, (l) => l.lineKey).values()] };
}

const values = (store: StoreRef, c: Case, hash: string | null): SqlValue[] => [
  store.platform,
  c.type,
  c.status,
  c.rawStatus,
  c.reason,
  c.rawReason,
  c.customerText,
  c.reasonSource,
  c.platformOrderId,
  c.requestedAt,
  c.decidedAt,
  c.closedAt,
  c.refundedAt,
  c.respondBy,
  c.currency,
  c.requestedMinor,
  c.refundedMinor,
  c.assignee,
  c.buyerKey,
  c.deepLink,
  hash,
];
// After resolveSkus every line has a seller SKU (the listing id when the store knows none).
const lineRows = (caseId: number, c: Case): SqlValue[][] =>
  c.lines.map((l) => [caseId, l.lineKey, l.sellerSku ?? l.platformListingId, l.quantity, l.amountMinor, l.currency, c.reason, c.requestedAt]);

/**
 * Fills in the seller SKU of lines that only name the platform's listing (eBay returns carry an
 * item id, not a SKU) from the store's synced SKUs. A listing the store does not know keeps its
 * listing id as the SKU and is reported, so the sync can count it.
 */
async function resolveSkus(tx: SqlDriver, storeId: string, cases: Case[]): Promise<string[]> {
  const wanted = [...new Set(cases.flatMap((c) => c.lines.filter((l) => l.sellerSku === null).map((l) => l.platformListingId as string)))];
  if (wanted.length === 0) return [];
  const rows = await selectExisting<{ platform_listing_id: string; seller_sku: string }>(tx, 'skus', storeId, 'platform_listing_id', wanted, [
    'platform_listing_id',
    'seller_sku',
  ]);
  const known = new Map(rows.map((r) => [r.platform_listing_id, r.seller_sku]));
  for (const c of cases)
    for (const l of c.lines) if (l.sellerSku === null && l.platformListingId !== null) l.sellerSku = known.get(l.platformListingId) ?? null;
  return wanted.filter((w) => !known.has(w));
}
const eventRow = (caseId: number, actor: string, e: CaseEventDraft): SqlValue[] => [
  caseId,
  e.at,
  e.type,
  actor,
  e.fromValue,
  e.toValue,
  e.detail === null ? null : JSON.stringify(e.detail),
];

const hashOf = (store: StoreRef, c: Case) => contentHash([...values(store, c, null), ...lineRows(0, c).flat()]);

interface ExistingCase {
  id: number;
  kind: string;
  platform_case_id: string;
  content_hash: string;
  status: string;
  reason: string;
  type: string;
  requested_minor: unknown;
  refunded_minor: unknown;
  assignee: string | null;
}

/**
 * Creates or updates one store's cases, their lines and their timeline, keyed by
 * (kind, platform case id). A new case gets a `created` event; a changed one gets an event per
 * followed field that moved (status, reason, amounts, assignee); an unchanged one is not
 * touched. Pass a transaction to commit the page together with its sync cursor.
 */
export async function upsertCases(
  db: SqlDriver,
  store: StoreRef,
  cases: readonly CaseRecord[],
  deps: { now: () => Date },
): Promise<WriteSummary & { unresolvedListings: string[] }> {
  const byKey = lastByKey(cases.map(normalise), (c) => keyOf(c.kind, c.platformCaseId));
  const actor = `sync:${store.id}`;
  return db.transaction(async (tx) => {
    const unresolvedListings = await resolveSkus(tx, store.id, [...byKey.values()]);
    const hashed: Hashed<Case>[] = [...byKey].map(([key, record]) => ({ key, record, hash: hashOf(store, record) }));
    const rows = await selectExisting<ExistingCase & Record<string, unknown>>(
      tx,
      'cases',
      store.id,
      'platform_case_id',
      [...new Set(hashed.map((h) => h.record.platformCaseId))],
      ['id', 'kind', 'platform_case_id', 'content_hash', 'status', 'reason', 'type', 'requested_minor', 'refunded_minor', 'assignee'],
    );
    const existing = new Map(rows.map((r) => [keyOf(r.kind, r.platform_case_id), { ...r, hash: r.content_hash }]));
    const { fresh, changed, unchanged } = partitionByHash(hashed, existing);
    const now = deps.now();

    const inserted = await insertRows<{ id: number; kind: string; platform_case_id: string }>(
      tx,
      'cases',
      CASE_INSERT_COLUMNS,
      fresh.map(({ record, hash }) => [store.id, record.kind, record.platformCaseId, ...values(store, record, hash), now, now]),
      { returning: ['id', 'kind', 'platform_case_id'] },
    );
    const newIds = new Map(inserted.map((r) => [keyOf(r.kind, r.platform_case_id), r.id]));
    const lines: SqlValue[][] = [];
    const events: SqlValue[][] = [];
    for (const { key, record } of fresh) {
      const id = newIds.get(key) as number;
      lines.push(...lineRows(id, record));
      events.push(eventRow(id, actor, { type: 'created', at: record.requestedAt, fromValue: null, toValue: record.status, detail: null }));
    }

    for (const { record, hash, existing: e } of changed) {
      await tx.run(UPDATE_SQL, [...values(store, record, hash), now, e.id]);
      lines.push(...lineRows(e.id, record));
      const previous = {
        status: e.status,
        reason: e.reason,
        type: e.type,
        requestedMinor: readOptionalBigInt(e.requested_minor),
        refundedMinor: readOptionalBigInt(e.refunded_minor),
        assignee: e.assignee,
      };
      for (const event of caseEventsForChange(previous, { ...record, assignee: record.assignee ?? e.assignee }, now)) events.push(eventRow(e.id, actor, event));
    }
    await inSlices(
      changed.map((c) => c.existing.id),
      500,
      async (ids) => void (await tx.run(`DELETE FROM "case_lines" WHERE "case_id" IN (${placeholders(ids.length)})`, ids)),
    );
    await insertRows(tx, 'case_lines', LINE_COLUMNS, lines);
    await insertRows(tx, 'case_events', EVENT_COLUMNS, events);
    return { created: fresh.length, updated: changed.length, unchanged, unresolvedListings };
  });
}
