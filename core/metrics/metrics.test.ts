import { expect, it } from 'vitest';
import { describeEachEngine } from '../testing/test-databases.ts';
import { NOW, TZ, useSmallDataset } from './__fixtures__/small-dataset.ts';
import { agentPerformance } from './agent-performance.ts';
import { dataAsOf } from './data-as-of.ts';
import { getCase } from './get-case.ts';
import { getInsights } from './get-insights.ts';
import { getOverview } from './get-overview.ts';
import { listDisputes } from './list-disputes.ts';
import { rankSkus } from './rank-skus.ts';
import { refundRate } from './refund-rate.ts';
import { resolvePeriod } from './resolve-period.ts';
import { resolveStores } from './resolve-stores.ts';
import { searchCases } from './search-cases.ts';
import { skuReasons } from './sku-reasons.ts';
import { syncStatus } from './sync-status.ts';
import { getTrend } from './trend.ts';

// Every expected value below is worked out by hand from the dataset's comments
// (__fixtures__/small-dataset.ts), never copied from the output.
const period = (preset: 'last_7_days' | 'last_30_days') => resolvePeriod({ preset }, NOW, TZ);
const all = undefined;

describeEachEngine('metrics on the small dataset', (engine) => {
  const data = useSmallDataset(engine);

  it('refund rate, last 7 days by request date: 6 of 9 units, 3 of 4 orders (O3 sold 1 minute before the period)', async () => {
    const r = await refundRate(data.deps, { storeIds: all, period: period('last_7_days') });
    // Sold: O1 3 + O2 1 + O4 3 + O5 2 = 9 units in 4 orders. Refunds: C1 1 + C2 2 + C4 2 + C9 1 = 6 units on O1, O5, O3.
    // Not counted: C3 rejected, C6 a cancellation, C8 a replacement, C5 a claim.
    expect(r).toMatchObject({ units_sold: 9, orders: 4, refunded_units: 6, refunded_orders: 3, rate_by_units: 0.6667, rate_by_orders: 0.75 });
  });

  it('refund rate by order date leaves out C9, whose order O3 falls before the period', async () => {
    const r = await refundRate(data.deps, { storeIds: all, period: period('last_7_days'), basis: 'order_date' });
    expect(r).toMatchObject({ refunded_units: 5, refunded_orders: 2, rate_by_units: 0.5556, rate_by_orders: 0.5, date_basis: 'order_date' });
  });

  it('a period without sales has no rate, with the reason, never NaN', async () => {
    const r = await refundRate(data.deps, { storeIds: all, period: resolvePeriod({ from: '2025-01-01', to: '2025-01-31' }, NOW, TZ) });
    expect(r.rate_by_units).toBeNull();
    expect(r.rate_by_orders).toBeNull();
    expect(r.null_reason).toBe('No units were sold in the period, so there is no rate to compute.');
  });

  it('overview: rates with previous periods, pending, disputes, reasons and refunds in USD at the dated rate', async () => {
    const o = await getOverview(data.deps, { storeIds: all, period: period('last_30_days') });
    expect(o.refund_rate.last_7_days.current.rate_by_units).toBe(0.6667);
    // Previous 7 days (Nov 21–27 in Shanghai): O3 alone, no refund requested then.
    expect(o.refund_rate.last_7_days.previous).toMatchObject({ units_sold: 1, refunded_units: 0, rate_by_units: 0 });
    expect(o.refund_rate.last_7_days.previous_period).toMatchObject({ first_day: '2026-11-21', last_day: '2026-11-27', time_zone: TZ });
    // 30 days: + O3 and O6 sold → 11 units, 6 orders.
    expect(o.refund_rate.last_30_days.current).toMatchObject({ units_sold: 11, orders: 6, refunded_units: 6, rate_by_units: 0.5455, rate_by_orders: 0.5 });
    expect(o.pending).toEqual({ total: 2, by_kind: { refund: 1, claim: 1 }, by_status: { requested: 1, escalated: 1 } });
    // C5 (claim) + C7 (chargeback) over 6 orders.
    expect(o.dispute_rate.current).toEqual({ disputes: 2, orders: 6, rate: 0.3333 });
    expect(o.reasons[0]).toEqual({ reason: 'quality_defective', cases: 2, share: 0.2222 });
    expect(o.reasons.reduce((s, r) => s + r.cases, 0)).toBe(9);
    // C1 20.00 USD + C4 30.00 GBP × 1.30 (rate from Dec 1) + C7 10.00 GBP × 1.25 (Nov 20) = 71.50 USD.
    expect(o.refunded_amount.current).toEqual({ amount: 71.5, currency: 'USD', unconverted: [] });
  });

  it('an amount without an FX rate is listed in its own currency, not dropped or guessed', async () => {
    const o = await getOverview({ ...data.deps, reportingCurrency: 'EUR' }, { storeIds: all, period: period('last_30_days') });
    expect(o.refunded_amount.current).toEqual({
      amount: 0,
      currency: 'EUR',
      unconverted: expect.arrayContaining([
        { currency: 'USD', amount: 20 },
        { currency: 'GBP', amount: 40 },
      ]),
    });
  });

  it('search: filters by platform store, status, reason group, SKU, text, order id; pages with the total', async () => {
    const scope = await resolveStores(data.db.sql, { platforms: ['amazon'] });
    const size = await searchCases(data.deps, {
      filters: { stores: scope.storeIds, reasons: ['size_too_small', 'size_too_large', 'size_fit'] },
      sort: 'newest',
      limit: 2,
      offset: 0,
    });
    expect(size.total).toBe(3);
    expect(size.cases.map((c) => c.platform_case_id)).toEqual(['C3', 'C1']);
    const page2 = await searchCases(data.deps, {
      filters: { stores: scope.storeIds, reasons: ['size_too_small', 'size_too_large', 'size_fit'] },
      sort: 'newest',
      limit: 2,
      offset: 2,
    });
    expect(page2.cases.map((c) => c.platform_case_id)).toEqual(['C9']);

    const mug = await searchCases(data.deps, { filters: { skus: ['MUG'], statuses: ['requested', 'escalated'] }, sort: 'oldest', limit: 20, offset: 0 });
    expect(mug.cases.map((c) => c.platform_case_id)).toEqual(['C5', 'C2']);
    expect(mug.cases[1]?.lines).toEqual([
      { seller_sku: 'TEE-M', quantity: 1 },
      { seller_sku: 'MUG', quantity: 1 },
    ]);
    const text = await searchCases(data.deps, { filters: { text: '50%' }, sort: 'newest', limit: 20, offset: 0 });
    expect(text.cases.map((c) => c.platform_case_id)).toEqual(['C9']);
    const byOrder = await searchCases(data.deps, { filters: { orderId: 'O2' }, sort: 'oldest', limit: 20, offset: 0 });
    expect(byOrder.cases.map((c) => c.platform_case_id)).toEqual(['C6', 'C3']);
  });

  it('case detail: lines, order, timeline and amounts in their currency', async () => {
    const c = await getCase(data.deps, { platformCaseId: 'C4' });
    expect(c).toMatchObject({ store_id: 's-ebay-uk', currency: 'GBP', refunded_amount: 30, assignee: 'leo' });
    expect(c.order).toMatchObject({ platform_order_id: 'O5', total: 30, units: 2, currency: 'GBP' });
    expect(c.timeline[0]).toMatchObject({ type: 'created', actor: 'sync:s-ebay-uk' });
    await expect(getCase(data.deps, { platformCaseId: 'NOPE' })).rejects.toThrow('No case with platform case id "NOPE"');
  });

  it('ranks SKUs by refund rate (minimum volume), by size complaints and by refunded amount', async () => {
    const p = period('last_30_days');
    const rate = await rankSkus(data.deps, { storeIds: all, period: p, by: 'refund_rate', minUnits: 1, limit: 20 });
    // TEE-M: sold 2+1+1+2 = 6, refunded C1 1 + C2 1 + C4 2 + C9 1 = 5. MUG: sold 1+3+1 = 5, refunded C2 1.
    expect(rate.skus.map((s) => [s.seller_sku, s.units_sold, s.refunded_units, s.refund_rate])).toEqual([
      ['TEE-M', 6, 5, 0.8333],
      ['MUG', 5, 1, 0.2],
    ]);
    expect((await rankSkus(data.deps, { storeIds: all, period: p, by: 'refund_rate', minUnits: 6, limit: 20 })).skus.map((s) => s.seller_sku)).toEqual([
      'TEE-M',
    ]);

    const size = await rankSkus(data.deps, {
      storeIds: all,
      period: p,
      by: 'reason',
      reasons: ['size_too_small', 'size_too_large', 'size_fit'],
      minUnits: 0,
      limit: 20,
    });
    // TEE-M returns/refunds: C1, C2, C3, C4, C9 — three of them about size.
    expect(size.skus).toHaveLength(1);
    expect(size.skus[0]).toMatchObject({ seller_sku: 'TEE-M', cases: 5, matching_cases: 3, matching_share: 0.6 });

    const money = await rankSkus(data.deps, { storeIds: all, period: p, by: 'refunded_amount', minUnits: 0, limit: 20 });
    // TEE-M: C1 20.00 + C4 30 GBP × 1.30 = 59.00; MUG: C7 10 GBP × 1.25 = 12.50.
    expect(money.skus.map((s) => [s.seller_sku, s.refunded_amount])).toEqual([
      ['TEE-M', 59],
      ['MUG', 12.5],
    ]);
  });

  it("SKU reasons: each reason 20% for TEE-M, size 60%, one read from the buyer's words", async () => {
    const r = await skuReasons(data.deps, { storeIds: all, period: period('last_30_days'), skus: ['TEE-M'] });
    expect(r.cases).toBe(5);
    expect(r.size_share).toBe(0.6);
    expect(r.reasons.find((x) => x.reason === 'size_fit')).toEqual({ reason: 'size_fit', cases: 1, share: 0.2, from_customer_text: 1 });
  });

  it('agent performance: handled, average and median hours, resolution and approval, escalations', async () => {
    const a = await agentPerformance(data.deps, { storeIds: all, period: period('last_30_days') });
    expect(a.agents).toEqual([
      // leo: C2 undecided, C4 decided in 2 h and completed.
      {
        assignee: 'leo',
        cases_handled: 2,
        decided: 1,
        avg_handling_hours: 2,
        median_handling_hours: 2,
        resolution_rate: 0.5,
        approval_rate: 1,
        escalations: 0,
      },
      // mia: C1 4 h completed, C3 24 h rejected → average and median 14 h.
      {
        assignee: 'mia',
        cases_handled: 2,
        decided: 2,
        avg_handling_hours: 14,
        median_handling_hours: 14,
        resolution_rate: 1,
        approval_rate: 0.5,
        escalations: 0,
      },
      {
        assignee: 'sam',
        cases_handled: 1,
        decided: 0,
        avg_handling_hours: null,
        median_handling_hours: null,
        resolution_rate: 0,
        approval_rate: null,
        escalations: 1,
      },
    ]);
    expect(a.satisfaction.available).toBe(false);
  });

  it('disputes: open ones with hours to the deadline, or all of them', async () => {
    const open = await listDisputes(data.deps, { filters: {}, openOnly: true, limit: 20, offset: 0 });
    expect(open.disputes.map((d) => [d.platform_case_id, d.hours_to_respond, d.overdue, d.deep_link])).toEqual([
      ['C5', 38, false, 'https://sellercentral.amazon.com/orders-v3/order/O4'],
    ]);
    const everything = await listDisputes(data.deps, { filters: {}, openOnly: false, limit: 20, offset: 0 });
    expect(everything.disputes.map((d) => d.platform_case_id)).toEqual(['C5', 'C7']);
  });

  it('trend by day splits at midnight in Shanghai; by month puts C8 (Nov 30 16:00 UTC) in December', async () => {
    const days = await getTrend(data.deps, { metric: 'cases', bucket: 'day', period: period('last_7_days'), filters: {} });
    expect(days.map((d) => [d.bucket, d.value])).toEqual([
      ['2026-11-28', 0],
      ['2026-11-29', 0],
      ['2026-11-30', 0],
      ['2026-12-01', 3],
      ['2026-12-02', 2],
      ['2026-12-03', 2],
      ['2026-12-04', 1],
    ]);
    const months = await getTrend(data.deps, {
      metric: 'cases',
      bucket: 'month',
      period: resolvePeriod({ from: '2026-11-01', to: '2026-12-04' }, NOW, TZ),
      filters: {},
    });
    expect(months.map((m) => [m.bucket, m.value])).toEqual([
      ['2026-11-01', 1],
      ['2026-12-01', 8],
    ]);
    const rate = await getTrend(data.deps, {
      metric: 'refund_rate',
      bucket: 'month',
      period: resolvePeriod({ from: '2026-11-01', to: '2026-12-04' }, NOW, TZ),
      filters: {},
    });
    // November (Shanghai): O6 1 + O3 1 + O4 3 (Nov 28 00:00) = 5 units, no refund requested; December: O1 3 + O2 1 + O5 2 = 6 units, 6 refunded.
    expect(rate.map((m) => [m.value, m.numerator, m.denominator])).toEqual([
      [0, 0, 5],
      [1, 6, 6],
    ]);
  });

  it('sync status and as_of: the oldest last success among the stores in scope', async () => {
    const status = await syncStatus(data.deps, { storeIds: all });
    expect(status.map((s) => [s.store_id, s.lag_minutes, s.rate_limit_waits_24h])).toEqual([
      ['s-amz', 60, 2],
      ['s-ebay-uk', 30, 2],
    ]);
    expect((await dataAsOf(data.db.sql, ['s-amz', 's-ebay-uk']))?.toISOString()).toBe('2026-12-04T09:00:00.000Z');

    // A run left "running" by a process that stopped shows as interrupted; one whose lease is live is running.
    const started = new Date('2026-12-04T09:40:00Z');
    await data.db.sql.run(`INSERT INTO "sync_runs" ("store_id", "resource", "started_at", "status") VALUES ('s-amz', 'returns', ?, 'running')`, [started]);
    const cut = await syncStatus(data.deps, { storeIds: ['s-amz'] });
    expect(cut[0]?.last_run).toMatchObject({ resource: 'returns', status: 'interrupted' });
    await data.db.sql.run(`INSERT INTO "locks" ("name", "holder", "expires_at", "created_at") VALUES ('sync:s-amz:returns', 'other:1', ?, ?)`, [
      new Date(NOW.getTime() + 60_000),
      started,
    ]);
    expect((await syncStatus(data.deps, { storeIds: ['s-amz'] }))[0]?.last_run?.status).toBe('running');
  });

  it('insights stay quiet on a dataset too small for any rule', async () => {
    expect(await getInsights(data.deps, { storeIds: all, period: period('last_30_days') })).toEqual([]);
  });
});
