// The hand-written side of the query benchmark: for each read tool, the SQL a person would write
// to get the same numbers (as few statements as they would write), and how to read those numbers
// out of the tool's answer, so the benchmark can assert that both agree before it times them.
// Money is converted with the same FX lookup as the tools (JavaScript, not SQL): the timing
// difference that matters is in the queries.

import { SIZE_REASONS } from '../core/domain/taxonomy.ts';
import { convertTotal, loadFxTable } from '../core/metrics/fx-table.ts';
import { INSIGHT_RULES } from '../core/metrics/get-insights.ts';
import { type Period, previousPeriod, resolvePeriod } from '../core/metrics/resolve-period.ts';
import { DEFECT_SPIKE_SKU, TOO_SMALL_SKU } from '../core/platforms/sandbox/demo-catalog.ts';
import { readDate, readInt, readOptionalBigInt, type SqlDriver, type SqlRow, type SqlValue } from '../core/store/sql-driver.ts';

export interface HandContext {
  sql: SqlDriver;
  now: Date;
  timeZone: string;
  /** Fixed offset of the team time zone from UTC in hours (the benchmark uses a zone without DST). */
  offsetHours: number;
  reportingCurrency: string;
}

type Out = Record<string, unknown>;

export interface QueryCase {
  label: string;
  tool: string;
  input: Record<string, unknown>;
  /** The numbers, computed by hand-written SQL. */
  hand(ctx: HandContext): Promise<unknown>;
  /** The same numbers, read from the tool's answer. */
  ours(output: Out): unknown;
  /** When the numbers are not one plain value: both sides, made comparable. */
  compare?(ours: unknown, hand: unknown): { ours: unknown; hand: unknown };
}

const IS_REFUND = `c."kind" IN ('return', 'refund') AND c."type" IN ('refund_only', 'return_and_refund') AND c."status" NOT IN ('rejected', 'cancelled')`;
const q = (list: readonly unknown[]) => list.map(() => '?').join(', ');
const n = (v: unknown) => readInt(v);
const cents = (v: number) => Math.round(v * 100) / 100;
const period = (ctx: HandContext, preset: 'last_7_days' | 'last_30_days' | 'last_90_days') => resolvePeriod({ preset }, ctx.now, ctx.timeZone);
const within = (column: string) => `${column} >= ? AND ${column} < ?`;
const span = (p: Period): SqlValue[] => [p.from, p.to];
const iso = (v: unknown) => (v === null || v === undefined ? null : readDate(v).toISOString());

/** The UTC day of a timestamp, as the FX table is keyed. */
const utcDay = (ctx: HandContext, column: string) =>
  ctx.sql.engine === 'sqlite' ? `strftime('%Y-%m-%d', ${column} / 1000, 'unixepoch')` : `to_char(${column}, 'YYYY-MM-DD')`;
/** The team's calendar day of a timestamp (a fixed-offset zone). */
const localDay = (ctx: HandContext, column: string) =>
  ctx.sql.engine === 'sqlite'
    ? `strftime('%Y-%m-%d', ${column} / 1000 + ${ctx.offsetHours * 3600}, 'unixepoch')`
    : `to_char(${column} + interval '${ctx.offsetHours} hours', 'YYYY-MM-DD')`;
const hoursMs = (ctx: HandContext) =>
  ctx.sql.engine === 'sqlite' ? `(c."decided_at" - c."requested_at")` : `(EXTRACT(EPOCH FROM c."decided_at" - c."requested_at") * 1000)`;

async function money(ctx: HandContext, rows: SqlRow[], column: string) {
  const fx = await loadFxTable(ctx.sql);
  const parts = rows
    .filter((r) => r[column] !== null)
    .map((r) => ({ currency: String(r.currency), day: String(r.day), minor: readOptionalBigInt(r[column]) ?? 0n }));
  const t = convertTotal(parts, fx, ctx.reportingCurrency);
  return { amount: cents(t.amount), unconverted: t.unconverted };
}

// --- get_overview -----------------------------------------------------------------------------

const overviewCase: QueryCase = {
  label: 'get_overview',
  tool: 'get_overview',
  input: {},
  async hand(ctx) {
    const p7 = period(ctx, 'last_7_days');
    const p30 = period(ctx, 'last_30_days');
    const windows = [p7, previousPeriod(p7), p30, previousPeriod(p30)];
    const first = new Date(Math.min(...windows.map((w) => w.from.getTime())));
    const sold = await ctx.sql.all(
      `SELECT ${windows.map((_, i) => `SUM(CASE WHEN ${within('ol."ordered_at"')} THEN ol."quantity" ELSE 0 END) AS u${i}, COUNT(DISTINCT CASE WHEN ${within('ol."ordered_at"')} THEN ol."order_id" END) AS o${i}`).join(', ')}
         FROM "order_lines" ol WHERE ${within('ol."ordered_at"')}`,
      [...windows.flatMap((w) => [...span(w), ...span(w)]), first, p30.to],
    );
    const refunded = await ctx.sql.all(
      `SELECT ${windows.map((_, i) => `SUM(CASE WHEN ${within('c."requested_at"')} THEN cl."quantity" ELSE 0 END) AS u${i}, COUNT(DISTINCT CASE WHEN ${within('c."requested_at"')} THEN c."store_id" || '|' || c."platform_order_id" END) AS o${i}`).join(', ')}
         FROM "cases" c JOIN "case_lines" cl ON cl."case_id" = c."id" WHERE ${IS_REFUND} AND ${within('c."requested_at"')}`,
      [...windows.flatMap((w) => [...span(w), ...span(w)]), first, p30.to],
    );
    const pending = await ctx.sql.all(
      `SELECT c."kind", c."status", count(*) AS n FROM "cases" c WHERE c."status" IN ('requested', 'escalated') GROUP BY c."kind", c."status"`,
    );
    const prev30 = previousPeriod(p30);
    const [disputes] = await ctx.sql.all(
      `SELECT SUM(CASE WHEN c."requested_at" >= ? THEN 1 ELSE 0 END) AS cur, SUM(CASE WHEN c."requested_at" < ? THEN 1 ELSE 0 END) AS prev
         FROM "cases" c WHERE c."kind" IN ('claim', 'chargeback') AND ${within('c."requested_at"')}`,
      [p30.from, p30.from, prev30.from, p30.to],
    );
    const reasons = await ctx.sql.all(
      `SELECT c."reason", count(*) AS n FROM "cases" c WHERE ${within('c."requested_at"')} GROUP BY c."reason" ORDER BY count(*) DESC, c."reason"`,
      span(p30),
    );
    const day = utcDay(ctx, 'c."refunded_at"');
    const amounts = await ctx.sql.all(
      `SELECT c."currency", ${day} AS day, SUM(CASE WHEN c."refunded_at" >= ? THEN c."refunded_minor" END) AS cur, SUM(CASE WHEN c."refunded_at" < ? THEN c."refunded_minor" END) AS prev
         FROM "cases" c WHERE c."refunded_minor" IS NOT NULL AND ${within('c."refunded_at"')} GROUP BY c."currency", ${day}`,
      [p30.from, p30.from, prev30.from, p30.to],
    );
    const s = sold[0] ?? {};
    const r = refunded[0] ?? {};
    const rate = (i: number) => ({ units_sold: n(s[`u${i}`]), orders: n(s[`o${i}`]), refunded_units: n(r[`u${i}`]), refunded_orders: n(r[`o${i}`]) });
    const byKind: Record<string, number> = {};
    const byStatus: Record<string, number> = {};
    for (const row of pending) {
      byKind[String(row.kind)] = (byKind[String(row.kind)] ?? 0) + n(row.n);
      byStatus[String(row.status)] = (byStatus[String(row.status)] ?? 0) + n(row.n);
    }
    return {
      rates: [rate(0), rate(1), rate(2), rate(3)],
      pending: { by_kind: byKind, by_status: byStatus },
      disputes: [
        { disputes: n(disputes?.cur), orders: n(s.o2) },
        { disputes: n(disputes?.prev), orders: n(s.o3) },
      ],
      reasons: reasons.map((x) => ({ reason: String(x.reason), cases: n(x.n) })),
      refunded: [await money(ctx, amounts, 'cur'), await money(ctx, amounts, 'prev')],
    };
  },
  ours(o) {
    const rr = o.refund_rate as Record<string, Record<string, Out>>;
    const pick = (x: Out | undefined) => ({
      units_sold: x?.units_sold,
      orders: x?.orders,
      refunded_units: x?.refunded_units,
      refunded_orders: x?.refunded_orders,
    });
    const d = o.dispute_rate as Record<string, Out>;
    const a = o.refunded_amount as Record<string, Out>;
    const pending = o.pending as Out;
    return {
      rates: [pick(rr.last_7_days?.current), pick(rr.last_7_days?.previous), pick(rr.last_30_days?.current), pick(rr.last_30_days?.previous)],
      pending: { by_kind: pending.by_kind, by_status: pending.by_status },
      disputes: [
        { disputes: d.current?.disputes, orders: d.current?.orders },
        { disputes: d.previous?.disputes, orders: d.previous?.orders },
      ],
      reasons: (o.reasons as Out[]).map((x) => ({ reason: x.reason, cases: x.cases })),
      refunded: [a.current, a.previous].map((m) => ({ amount: cents(Number(m?.amount)), unconverted: m?.unconverted })),
    };
  },
};

// --- search_cases, list_disputes, get_case ----------------------------------------------------

const CASE_COLUMNS = `c."id", c."platform", c."store_id", c."kind", c."type", c."status", c."raw_status", c."reason", c."raw_reason", c."reason_source",
  c."platform_case_id", c."platform_order_id", c."requested_at", c."decided_at", c."closed_at", c."refunded_at", c."respond_by", c."currency",
  c."requested_minor", c."refunded_minor", c."assignee", c."customer_text", c."deep_link"`;

/** A page of cases as a person would fetch it: the count, the page, the page's lines. */
async function handPage(ctx: HandContext, where: string, params: SqlValue[], orderBy: string) {
  const [count] = await ctx.sql.all(`SELECT count(*) AS n FROM "cases" c WHERE ${where}`, params);
  const rows = await ctx.sql.all(`SELECT ${CASE_COLUMNS} FROM "cases" c WHERE ${where} ORDER BY ${orderBy} LIMIT 20`, params);
  const ids = rows.map((r) => n(r.id));
  const lines = ids.length
    ? await ctx.sql.all(`SELECT "case_id", "seller_sku", "quantity" FROM "case_lines" WHERE "case_id" IN (${q(ids)}) ORDER BY "case_id", "id"`, ids)
    : [];
  return {
    total: n(count?.n),
    cases: rows.map((r) => ({
      id: n(r.id),
      status: r.status,
      requested_at: iso(r.requested_at),
      respond_by: iso(r.respond_by),
      lines: lines.filter((l) => n(l.case_id) === n(r.id)).map((l) => `${l.seller_sku}×${n(l.quantity)}`),
    })),
  };
}

const pageOf = (o: Out, key: 'cases' | 'disputes') => ({
  total: o.total,
  cases: (o[key] as Out[]).map((c) => ({
    id: c.id,
    status: c.status,
    requested_at: c.requested_at,
    respond_by: c.respond_by,
    lines: (c.lines as Out[]).map((l) => `${l.seller_sku}×${l.quantity}`),
  })),
});

const searchCase: QueryCase = {
  label: 'search_cases (size returns, 30 d)',
  tool: 'search_cases',
  input: { kinds: 'return', reasons: 'size', period: 'last_30_days' },
  hand(ctx) {
    const p = period(ctx, 'last_30_days');
    return handPage(
      ctx,
      `c."kind" = 'return' AND c."reason" IN (${q(SIZE_REASONS)}) AND ${within('c."requested_at"')}`,
      [...SIZE_REASONS, ...span(p)],
      'c."requested_at" DESC, c."id" DESC',
    );
  },
  ours: (o) => pageOf(o, 'cases'),
};

const searchTextCase: QueryCase = {
  label: 'search_cases (text "too small")',
  tool: 'search_cases',
  input: { text: 'too small' },
  hand(ctx) {
    const like = ctx.sql.engine === 'sqlite' ? 'LIKE' : 'ILIKE';
    const cols = ['c."customer_text"', 'c."raw_reason"', 'c."platform_case_id"', 'c."platform_order_id"'];
    return handPage(
      ctx,
      `(${cols.map((col) => `${col} ${like} ?`).join(' OR ')})`,
      cols.map(() => '%too small%'),
      'c."requested_at" DESC, c."id" DESC',
    );
  },
  ours: (o) => pageOf(o, 'cases'),
};

const disputesCase: QueryCase = {
  label: 'list_disputes (open)',
  tool: 'list_disputes',
  input: {},
  hand: (ctx) =>
    handPage(
      ctx,
      `c."kind" IN ('claim', 'chargeback') AND c."status" IN ('requested', 'escalated')`,
      [],
      'CASE WHEN c."respond_by" IS NULL THEN 1 ELSE 0 END, c."respond_by", c."requested_at" DESC, c."id"',
    ),
  ours: (o) => pageOf(o, 'disputes'),
};

/** A platform case id in the middle of the table (filled in by `prepareCases`). */
const getCaseInput: Record<string, unknown> = {};

const getCaseCase: QueryCase = {
  label: 'get_case (by platform case id)',
  tool: 'get_case',
  input: getCaseInput,
  async hand(ctx) {
    const [c] = await ctx.sql.all(`SELECT ${CASE_COLUMNS} FROM "cases" c WHERE c."platform_case_id" = ?`, [String(getCaseInput.case_id)]);
    if (!c) throw new Error('no case');
    const id = n(c.id);
    const lines = await ctx.sql.all('SELECT "seller_sku", "quantity" FROM "case_lines" WHERE "case_id" = ? ORDER BY "id"', [id]);
    const [order] = await ctx.sql.all('SELECT "platform_order_id", "units" FROM "orders" WHERE "store_id" = ? AND "platform_order_id" = ?', [
      String(c.store_id),
      String(c.platform_order_id),
    ]);
    const events = await ctx.sql.all('SELECT "type" FROM "case_events" WHERE "case_id" = ? ORDER BY "at", "id"', [id]);
    const notes = await ctx.sql.all('SELECT "body" FROM "notes" WHERE "case_id" = ? ORDER BY "created_at", "id"', [id]);
    return {
      id,
      lines: lines.map((l) => `${l.seller_sku}×${n(l.quantity)}`),
      order: order ? { id: order.platform_order_id, units: n(order.units) } : null,
      timeline: events.map((e) => e.type),
      notes: notes.length,
    };
  },
  ours(o) {
    const c = o.case as Out;
    const order = c.order as Out | null;
    return {
      id: c.id,
      lines: (c.line_details as Out[]).map((l) => `${l.seller_sku}×${l.quantity}`),
      order: order ? { id: order.platform_order_id, units: order.units } : null,
      timeline: (c.timeline as Out[]).map((e) => e.type),
      notes: (c.notes as Out[]).length,
    };
  },
};

// --- rank_skus, sku_reasons -------------------------------------------------------------------

async function soldAndRefundedBySku(ctx: HandContext, p: Period, skus?: readonly string[]) {
  const skuSql = (col: string) => (skus ? ` AND ${col} IN (${q(skus)})` : '');
  const sold = await ctx.sql.all(
    `SELECT ol."seller_sku" AS sku, SUM(ol."quantity") AS units FROM "order_lines" ol WHERE ${within('ol."ordered_at"')}${skuSql('ol."seller_sku"')} GROUP BY ol."seller_sku"`,
    [...span(p), ...(skus ?? [])],
  );
  const refunded = await ctx.sql.all(
    `SELECT cl."seller_sku" AS sku, SUM(cl."quantity") AS units FROM "cases" c JOIN "case_lines" cl ON cl."case_id" = c."id"
      WHERE ${IS_REFUND} AND ${within('c."requested_at"')}${skuSql('cl."seller_sku"')} GROUP BY cl."seller_sku"`,
    [...span(p), ...(skus ?? [])],
  );
  return {
    sold: new Map(sold.map((r) => [String(r.sku), n(r.units)])),
    refunded: new Map(refunded.map((r) => [String(r.sku), n(r.units)])),
  };
}

const rankRateCase: QueryCase = {
  label: 'rank_skus (refund rate)',
  tool: 'rank_skus',
  input: {},
  async hand(ctx) {
    const { sold, refunded } = await soldAndRefundedBySku(ctx, period(ctx, 'last_30_days'));
    const rows = [...sold]
      .filter(([, units]) => units >= 20)
      .map(([sku, units]) => ({ sku, units, back: refunded.get(sku) ?? 0 }))
      .sort((a, b) => b.back / b.units - a.back / a.units || b.back - a.back || a.sku.localeCompare(b.sku));
    return { total: rows.length, skus: rows.slice(0, 20).map((r) => [r.sku, r.units, r.back]) };
  },
  ours: (o) => ({ total: o.total, skus: (o.skus as Out[]).map((s) => [s.seller_sku, s.units_sold, s.refunded_units]) }),
};

const rankReasonCase: QueryCase = {
  label: 'rank_skus (by size reasons)',
  tool: 'rank_skus',
  input: { by: 'reason', reasons: 'size' },
  async hand(ctx) {
    const p = period(ctx, 'last_30_days');
    const rows = await ctx.sql.all(
      `SELECT cl."seller_sku" AS sku, COUNT(DISTINCT c."id") AS cases, COUNT(DISTINCT CASE WHEN c."reason" IN (${q(SIZE_REASONS)}) THEN c."id" END) AS matching
         FROM "cases" c JOIN "case_lines" cl ON cl."case_id" = c."id"
        WHERE c."kind" IN ('return', 'refund') AND ${within('c."requested_at"')} GROUP BY cl."seller_sku"`,
      [...SIZE_REASONS, ...span(p)],
    );
    const ranked = rows
      .map((r) => ({ sku: String(r.sku), cases: n(r.cases), matching: n(r.matching) }))
      .filter((r) => r.matching > 0)
      .sort((a, b) => b.matching - a.matching || b.matching / b.cases - a.matching / a.cases || a.sku.localeCompare(b.sku));
    const top = ranked.slice(0, 20);
    const { sold, refunded } = await soldAndRefundedBySku(
      ctx,
      p,
      top.map((r) => r.sku),
    );
    return { total: ranked.length, skus: top.map((r) => [r.sku, r.cases, r.matching, sold.get(r.sku) ?? 0, refunded.get(r.sku) ?? 0]) };
  },
  ours: (o) => ({
    total: o.total,
    skus: (o.skus as Out[]).map((s) => [s.seller_sku, s.cases, s.matching_cases, s.units_sold, s.refunded_units]),
  }),
};

const skuReasonsCase: QueryCase = {
  label: 'sku_reasons (one SKU, 90 d)',
  tool: 'sku_reasons',
  input: { skus: TOO_SMALL_SKU },
  async hand(ctx) {
    const p = period(ctx, 'last_90_days');
    const rows = await ctx.sql.all(
      `SELECT c."reason", count(*) AS n, SUM(CASE WHEN c."reason_source" = 'text' THEN 1 ELSE 0 END) AS text FROM "cases" c
        WHERE c."id" IN (SELECT cl."case_id" FROM "case_lines" cl WHERE cl."seller_sku" = ? AND ${within('cl."requested_at"')})
          AND c."kind" IN ('return', 'refund') AND ${within('c."requested_at"')}
        GROUP BY c."reason" ORDER BY count(*) DESC, c."reason"`,
      [TOO_SMALL_SKU, ...span(p), ...span(p)],
    );
    return rows.map((r) => [r.reason, n(r.n), n(r.text)]);
  },
  ours: (o) => (o.reasons as Out[]).map((r) => [r.reason, r.cases, r.from_customer_text]),
};

// --- agent_performance ------------------------------------------------------------------------

async function handAgents(ctx: HandContext, p: Period) {
  const h = hoursMs(ctx);
  const rows = await ctx.sql.all(
    `SELECT c."assignee", count(*) AS handled, SUM(CASE WHEN c."decided_at" IS NOT NULL THEN 1 ELSE 0 END) AS decided,
            AVG(CASE WHEN c."decided_at" IS NOT NULL THEN ${h} END) AS avg_ms,
            SUM(CASE WHEN c."status" IN ('completed', 'rejected', 'cancelled') THEN 1 ELSE 0 END) AS closed,
            SUM(CASE WHEN c."status" IN ('approved', 'completed') AND c."decided_at" IS NOT NULL THEN 1 ELSE 0 END) AS approved,
            SUM(CASE WHEN c."status" = 'escalated' OR c."kind" IN ('claim', 'chargeback') THEN 1 ELSE 0 END) AS escalations
       FROM "cases" c WHERE c."assignee" IS NOT NULL AND ${within('c."requested_at"')} GROUP BY c."assignee" ORDER BY count(*) DESC, c."assignee"`,
    span(p),
  );
  // PostgreSQL has a median; on SQLite, the middle row(s) by window functions.
  const medians = await ctx.sql.all(
    ctx.sql.engine === 'postgresql'
      ? `SELECT c."assignee", percentile_cont(0.5) WITHIN GROUP (ORDER BY ${h}) AS ms FROM "cases" c
          WHERE c."assignee" IS NOT NULL AND c."decided_at" IS NOT NULL AND ${within('c."requested_at"')} GROUP BY c."assignee"`
      : `SELECT "assignee", AVG("ms") AS ms FROM (
           SELECT c."assignee", ${h} AS ms, ROW_NUMBER() OVER (PARTITION BY c."assignee" ORDER BY ${h}) AS rn, COUNT(*) OVER (PARTITION BY c."assignee") AS cnt
             FROM "cases" c WHERE c."assignee" IS NOT NULL AND c."decided_at" IS NOT NULL AND ${within('c."requested_at"')}) x
          WHERE rn IN ((cnt + 1) / 2, (cnt + 2) / 2) GROUP BY "assignee"`,
    span(p),
  );
  const hours = (ms: unknown) => (ms === null || ms === undefined ? null : Math.round((Number(ms) / 3_600_000) * 10) / 10);
  return rows.map((r) => ({
    assignee: String(r.assignee),
    handled: n(r.handled),
    decided: n(r.decided),
    avg: hours(r.avg_ms),
    median: hours(medians.find((m) => m.assignee === r.assignee)?.ms),
    closed_over_handled: `${n(r.closed)}/${n(r.handled)}`,
    escalations: n(r.escalations),
    approved: n(r.approved),
  }));
}

const agentsCase: QueryCase = {
  label: 'agent_performance (30 d)',
  tool: 'agent_performance',
  input: {},
  hand: async (ctx) => (await handAgents(ctx, period(ctx, 'last_30_days'))).map((a) => [a.assignee, a.handled, a.decided, a.avg, a.median, a.escalations]),
  ours: (o) => (o.agents as Out[]).map((a) => [a.assignee, a.cases_handled, a.decided, a.avg_handling_hours, a.median_handling_hours, a.escalations]),
};

// --- get_trend --------------------------------------------------------------------------------

const trendCase: QueryCase = {
  label: 'get_trend (refund rate by day)',
  tool: 'get_trend',
  input: { metric: 'refund_rate', bucket: 'day' },
  async hand(ctx) {
    const p = period(ctx, 'last_30_days');
    const cday = localDay(ctx, 'c."requested_at"');
    const oday = localDay(ctx, 'ol."ordered_at"');
    const refunded = await ctx.sql.all(
      `SELECT ${cday} AS day, SUM(cl."quantity") AS units FROM "cases" c JOIN "case_lines" cl ON cl."case_id" = c."id"
        WHERE ${IS_REFUND} AND ${within('c."requested_at"')} GROUP BY ${cday}`,
      span(p),
    );
    const sold = await ctx.sql.all(
      `SELECT ${oday} AS day, SUM(ol."quantity") AS units FROM "order_lines" ol WHERE ${within('ol."ordered_at"')} GROUP BY ${oday}`,
      span(p),
    );
    const days = [...new Set([...sold, ...refunded].map((r) => String(r.day)))].sort();
    const of = (rows: SqlRow[], day: string) => n(rows.find((r) => r.day === day)?.units);
    return days.map((d) => [d, of(refunded, d), of(sold, d)]);
  },
  ours: (o) => (o.points as Out[]).filter((x) => x.numerator || x.denominator).map((x) => [x.bucket, x.numerator, x.denominator]),
};

// --- get_insights -----------------------------------------------------------------------------

const insightsCase: QueryCase = {
  label: 'get_insights (90 d)',
  tool: 'get_insights',
  input: {},
  async hand(ctx) {
    const p = period(ctx, 'last_90_days');
    const R = INSIGHT_RULES;
    const bySkuReason = await ctx.sql.all(
      `SELECT cl."seller_sku" AS sku, c."reason", COUNT(DISTINCT c."id") AS n FROM "cases" c JOIN "case_lines" cl ON cl."case_id" = c."id"
        WHERE c."kind" IN ('return', 'refund') AND ${within('c."requested_at"')} GROUP BY cl."seller_sku", c."reason"`,
      span(p),
    );
    const spikeStart = new Date(p.to.getTime() - R.spikeDays * 86_400_000);
    const spikes = await ctx.sql.all(
      `SELECT cl."seller_sku" AS sku, SUM(CASE WHEN c."requested_at" >= ? THEN 1 ELSE 0 END) AS recent, SUM(CASE WHEN c."requested_at" < ? THEN 1 ELSE 0 END) AS earlier
         FROM "cases" c JOIN "case_lines" cl ON cl."case_id" = c."id"
        WHERE c."kind" IN ('return', 'refund', 'claim') AND c."reason" IN ('quality_defective', 'not_as_described') AND ${within('c."requested_at"')}
        GROUP BY cl."seller_sku"`,
      [spikeStart, spikeStart, ...span(p)],
    );
    const { sold, refunded } = await soldAndRefundedBySku(ctx, p);
    const claimStart = new Date(p.to.getTime() - R.claimDays * 86_400_000);
    const claims = await ctx.sql.all(
      `SELECT c."store_id" AS store, SUM(CASE WHEN c."requested_at" >= ? THEN 1 ELSE 0 END) AS recent FROM "cases" c
        WHERE c."kind" = 'claim' AND ${within('c."requested_at"')} GROUP BY c."store_id"`,
      [claimStart, ...span(p)],
    );
    const agents = await handAgents(ctx, p);
    const skuTotal = (sku: string) => bySkuReason.filter((r) => r.sku === sku).reduce((a, r) => a + n(r.n), 0);
    const skuReason = (sku: string, reasons: readonly string[]) =>
      bySkuReason.filter((r) => r.sku === sku && reasons.includes(String(r.reason))).reduce((a, r) => a + n(r.n), 0);
    return {
      skuTotal,
      skuReason,
      spike: (sku: string) => {
        const r = spikes.find((x) => x.sku === sku);
        return [n(r?.recent), n(r?.earlier)];
      },
      sold: (sku: string) => [sold.get(sku) ?? 0, refunded.get(sku) ?? 0],
      claims: (store: string) => n(claims.find((c) => c.store === store)?.recent),
      agent: (name: string) => {
        const a = agents.find((x) => x.assignee === name);
        return [a?.median ?? null, a?.decided ?? 0];
      },
    };
  },
  ours: (o) => o.insights,
  compare: (ours, hand) => compareInsights(ours, hand),
};

type HandInsights = {
  skuTotal(sku: string): number;
  skuReason(sku: string, reasons: readonly string[]): number;
  spike(sku: string): number[];
  sold(sku: string): number[];
  claims(store: string): number;
  agent(name: string): (number | null)[];
};

/** Each finding's evidence against the hand-computed numbers behind it; also checks the planted findings are there. */
function compareInsights(ours: unknown, hand: unknown): { ours: unknown; hand: unknown } {
  const h = hand as HandInsights;
  const list = ours as { kind: string; subject: string; evidence: Record<string, unknown> }[];
  const mine: unknown[] = [];
  const theirs: unknown[] = [];
  for (const i of list) {
    const e = i.evidence;
    switch (i.kind) {
      case 'size_chart':
        mine.push([i.subject, e.return_cases, e.size_cases, e.too_small, e.too_large]);
        theirs.push([
          i.subject,
          h.skuTotal(i.subject),
          h.skuReason(i.subject, SIZE_REASONS),
          h.skuReason(i.subject, ['size_too_small']),
          h.skuReason(i.subject, ['size_too_large']),
        ]);
        break;
      case 'packaging':
        mine.push([i.subject, e.return_cases, e.damaged_in_transit]);
        theirs.push([i.subject, h.skuTotal(i.subject), h.skuReason(i.subject, ['damaged_in_transit'])]);
        break;
      case 'quality_check':
        mine.push([i.subject, e.recent_quality_cases, e.earlier_quality_cases]);
        theirs.push([i.subject, ...h.spike(i.subject)]);
        break;
      case 'refund_rate_outlier':
        mine.push([i.subject, e.units_sold, e.refunded_units]);
        theirs.push([i.subject, ...h.sold(i.subject)]);
        break;
      case 'claim_burst':
        mine.push([i.subject, e.recent_claims]);
        theirs.push([i.subject, h.claims(i.subject)]);
        break;
      case 'slow_agent':
        mine.push([i.subject, e.median_handling_hours, e.cases_decided]);
        theirs.push([i.subject, ...h.agent(i.subject)]);
        break;
      default:
        mine.push([i.kind, i.subject]);
        theirs.push([i.kind, i.subject]);
    }
  }
  // The planted findings must be found at this scale too, or the comparison says little.
  const kinds = new Set(list.map((i) => `${i.kind}:${i.subject}`));
  for (const planted of [`size_chart:${TOO_SMALL_SKU}`, `quality_check:${DEFECT_SPIKE_SKU}`]) {
    mine.push(kinds.has(planted) ? planted : `missing ${planted}`);
    theirs.push(planted);
  }
  return { ours: mine, hand: theirs };
}

// --- sync_status ------------------------------------------------------------------------------

const syncStatusCase: QueryCase = {
  label: 'sync_status',
  tool: 'sync_status',
  input: {},
  async hand(ctx) {
    const since = new Date(ctx.now.getTime() - 86_400_000);
    const stores = await ctx.sql.all(
      `SELECT s."id", MAX(CASE WHEN r."status" = 'succeeded' THEN r."finished_at" END) AS last_success,
              SUM(CASE WHEN r."status" = 'failed' AND r."started_at" >= ? THEN 1 ELSE 0 END) AS failed,
              SUM(CASE WHEN r."started_at" >= ? THEN r."rate_limit_waits" ELSE 0 END) AS waits,
              SUM(CASE WHEN r."started_at" >= ? THEN r."skipped" ELSE 0 END) AS skipped
         FROM "stores" s LEFT JOIN "sync_runs" r ON r."store_id" = s."id" GROUP BY s."id" ORDER BY s."id"`,
      [since, since, since],
    );
    const latest = await ctx.sql.all(
      `SELECT r."store_id", r."resource", r."started_at", r."unmapped_values" FROM "sync_runs" r
        WHERE r."id" IN (SELECT MAX(x."id") FROM "sync_runs" x GROUP BY x."store_id", x."resource") ORDER BY r."started_at" DESC, r."id" DESC`,
    );
    return stores.map((s) => {
      const runs = latest.filter((r) => r.store_id === s.id);
      const unmapped: Record<string, number> = {};
      for (const r of runs) {
        const raw = r.unmapped_values;
        const values = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Record<string, number> | null;
        for (const [k, v] of Object.entries(values ?? {})) unmapped[k] = (unmapped[k] ?? 0) + Number(v);
      }
      return [s.id, iso(s.last_success), n(s.failed), n(s.waits), n(s.skipped), runs[0]?.resource ?? null, JSON.stringify(Object.entries(unmapped).sort())];
    });
  },
  ours: (o) =>
    (o.stores as Out[]).map((s) => [
      s.store_id,
      s.last_success,
      s.failed_runs_24h,
      s.rate_limit_waits_24h,
      s.skipped_records_24h,
      (s.last_run as Out | null)?.resource ?? null,
      JSON.stringify(Object.entries(s.unmapped_values as Record<string, number>).sort()),
    ]),
};

export const QUERY_CASES: readonly QueryCase[] = [
  overviewCase,
  searchCase,
  searchTextCase,
  getCaseCase,
  rankRateCase,
  rankReasonCase,
  skuReasonsCase,
  agentsCase,
  disputesCase,
  trendCase,
  insightsCase,
  syncStatusCase,
];

/** Picks the case get_case looks up: a return in the middle of the table, by its platform id (one no other store uses). */
export async function prepareCases(sql: SqlDriver): Promise<void> {
  const [mid] = await sql.all(`SELECT max("id") AS n FROM "cases"`);
  const firsts = await sql.all(`SELECT MIN("id") AS id FROM "cases" WHERE "id" >= ? AND "kind" = 'return' GROUP BY "store_id" ORDER BY MIN("id")`, [
    Math.floor(n(mid?.n) / 2),
  ]);
  for (const first of firsts) {
    const [row] = await sql.all(`SELECT "platform_case_id" FROM "cases" WHERE "id" = ?`, [n(first.id)]);
    const [dupes] = await sql.all(`SELECT count(*) AS n FROM "cases" WHERE "platform_case_id" = ?`, [String(row?.platform_case_id)]);
    if (n(dupes?.n) === 1) {
      getCaseInput.case_id = String(row?.platform_case_id);
      return;
    }
  }
  throw new Error('no case id unique across stores');
}
