import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NOW, useSmallDataset } from '../metrics/__fixtures__/small-dataset.ts';
import type { SqlDriver, SqlRow, SqlValue } from '../store/sql-driver.ts';
import { readCsvReport, readXlsxReport } from '../testing/read-report-file.ts';
import { describeEachEngine } from '../testing/test-databases.ts';
import { exportReport } from './export-report.ts';
import type { ReportOptions } from './report-definition.ts';
import { findReport, REPORTS } from './reports.ts';

// Expected rows are worked out by hand from the dataset's comments (metrics/__fixtures__/small-dataset.ts).

function reportNamed(name: string) {
  const report = findReport(name);
  if (!report) throw new Error(`no report ${name}`);
  return report;
}

/** Records each SQL statement, to see how the cases are read. */
function recording(sql: SqlDriver, log: string[]): SqlDriver {
  const all = <T extends SqlRow>(text: string, params?: readonly SqlValue[]) => {
    log.push(text);
    return sql.all<T>(text, params);
  };
  // Everything else (engine, run, transaction…) falls through to the real driver.
  return Object.assign(Object.create(sql) as SqlDriver, { all });
}

describeEachEngine('reports on the small dataset', (engine) => {
  const data = useSmallDataset(engine);
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'helloword-reports-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Writes a report both ways and reads both files back. */
  async function both(name: string, input: unknown, options: ReportOptions = {}) {
    const report = reportNamed(name);
    const csv = await exportReport(report, input, { format: 'csv', out: path.join(dir, `${name}.csv`) }, data.deps, options);
    const xlsx = await exportReport(report, input, { format: 'xlsx', out: path.join(dir, `${name}.xlsx`) }, data.deps, options);
    const c = readCsvReport(csv.out);
    const x = await readXlsxReport(xlsx.out);
    expect(xlsx.rows).toBe(csv.rows);
    expect(c.rows).toHaveLength(csv.rows);
    expect(x.rows).toHaveLength(csv.rows);
    // Every report: the header a person reads in Excel, the column names in the CSV, the same rows in both.
    expect(x.headerBold.every(Boolean)).toBe(true);
    expect(x.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const col = (column: string) => {
      const i = c.header.indexOf(column);
      if (i < 0) throw new Error(`no column ${column} in ${c.header.join(', ')}`);
      return { csv: c.rows.map((r) => r[i]), xlsx: x.rows.map((r) => r[i]?.value), fmt: x.rows.map((r) => r[i]?.numFmt) };
    };
    return { summary: csv, csv: c, xlsx: x, col };
  }

  it('cases: every case with every column, the same rows in CSV and Excel, typed cells', async () => {
    const r = await both('cases', {});
    expect(r.summary).toMatchObject({ report: 'cases', rows: 9, filters: { period: null, platforms: ['amazon', 'ebay'], stores: ['s-amz', 's-ebay-uk'] } });
    expect(r.csv.header).toEqual(REPORTS.find((x) => x.name === 'cases')?.columns.map((c) => c.name));
    expect(r.xlsx.header.slice(0, 3)).toEqual(['Case #', 'Platform', 'Store']);
    expect(r.col('platform_case_id').csv.sort()).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9']);
    const ids = r.col('id').csv.map(Number);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(r.col('id').xlsx).toEqual(ids);

    // CSV and Excel hold the same values, cell for cell (dates as ISO text / as Date, numbers as text / as numbers).
    for (const [i, row] of r.csv.rows.entries()) {
      const cells = r.xlsx.rows[i] ?? [];
      row.forEach((text, j) => {
        const v = cells[j]?.value ?? null;
        const asText = v instanceof Date ? v.toISOString() : v === null ? '' : String(v);
        expect(asText, `${r.csv.header[j]} of row ${i + 2}`).toBe(text);
      });
    }

    const at = (caseId: string) => r.col('platform_case_id').csv.indexOf(caseId);
    const c4 = at('C4');
    expect(r.col('refunded_amount').csv[c4]).toBe('30');
    expect(r.col('refunded_amount').xlsx[c4]).toBe(30);
    expect(r.col('refunded_amount').fmt[c4]).toBe('#,##0.00 "GBP"');
    expect(r.col('refunded_amount').fmt[at('C1')]).toBe('#,##0.00 "USD"');
    expect(r.col('refunded_at').csv[c4]).toBe('2026-12-04T05:00:00.000Z');
    expect(r.col('refunded_at').xlsx[c4]).toEqual(new Date('2026-12-04T05:00:00Z'));
    expect(r.col('refunded_at').fmt[c4]).toBe('yyyy-mm-dd hh:mm');
    expect(r.col('skus').csv[at('C2')]).toBe('TEE-M×1, MUG×1');
    expect(r.col('units').xlsx[at('C2')]).toBe(2);
    expect(r.col('customer_text').csv[at('C9')]).toBe('fits weird around the shoulders, 50% too tight');
    expect(r.col('decided_at').csv[at('C2')]).toBe('');
    expect(r.col('decided_at').xlsx[at('C2')]).toBeNull();
  });

  it('cases: the filters of search_cases mean the same here (reason group, platform word, period with its date basis)', async () => {
    const size = await both('cases', { reasons: 'size', platforms: 'AMZ' });
    expect(size.col('platform_case_id').csv.sort()).toEqual(['C1', 'C3', 'C9']);
    expect(size.summary.filters).toMatchObject({ platforms: ['amazon'], reasons: ['size_too_small', 'size_too_large', 'size_fit'] });
    // Refunded in the last 7 days (Shanghai): C1 on Dec 3 and C4 on Dec 4; C7 was refunded in November.
    const refunded = await both('cases', { period: 'last_7_days', date_basis: 'refund_date' });
    expect(refunded.col('platform_case_id').csv.sort()).toEqual(['C1', 'C4']);
    expect(refunded.summary.filters).toMatchObject({ date_basis: 'refund_date', period: { first_day: '2026-11-28', time_zone: 'Asia/Shanghai' } });
  });

  it('cases stream: read in keyset chunks (chunk size 2 for 9 cases), lazily, into the same file', async () => {
    const log: string[] = [];
    const deps = { ...data.deps, sql: recording(data.db.sql, log) };
    const report = reportNamed('cases');
    const prepared = await report.prepare(report.input.parse({}), deps, { chunkSize: 2 });
    const chunkQueries = () => log.filter((q) => q.includes('c."id" > ?')).length;
    const iterator = prepared.rows[Symbol.asyncIterator]();
    await iterator.next();
    expect(chunkQueries()).toBe(1);
    const ids: number[] = [];
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) ids.push(Number(next.value.id));
    expect(ids).toHaveLength(8);
    // 2 + 2 + 2 + 2 + 1: the short fifth chunk ends it.
    expect(chunkQueries()).toBe(5);
    expect(log.every((q) => !/OFFSET/i.test(q))).toBe(true);

    const small = await both('cases', {}, { chunkSize: 2 });
    const whole = await both('cases', {});
    expect(small.csv.rows).toEqual(whole.csv.rows);
  });

  it('sku_ranking: by size complaints, and by refunded amount in USD with the currency format', async () => {
    const size = await both('sku-ranking', { by: 'reason', reasons: 'size', period: 'last_30_days' });
    // TEE-M: size cases C1, C3, C9 of its 5 returns and refunds (C1, C2, C3, C4, C9); MUG has none.
    // Units: sold O1 2 + O2 1 + O3 1 + O5 2 = 6; refunded C1 1 + C2 1 + C4 2 + C9 1 = 5 (C3 rejected).
    expect(size.csv.rows).toEqual([['1', 'TEE-M', '6', '5', '0.8333', '5', '3', '0.6', '', '']]);
    expect(size.col('refund_rate').fmt[0]).toBe('0.0%');
    expect(size.col('matching_share').xlsx[0]).toBe(0.6);

    const money = await both('sku_ranking', { by: 'refunded_amount', period: 'last_30_days' });
    // TEE-M: C1 20.00 USD + C4 30.00 GBP × 1.30 = 59.00; MUG: C7 10.00 GBP × 1.25 (Nov 20) = 12.50.
    expect(money.col('seller_sku').csv).toEqual(['TEE-M', 'MUG']);
    expect(money.col('refunded_amount').xlsx).toEqual([59, 12.5]);
    expect(money.col('refunded_amount').fmt).toEqual(['#,##0.00 "USD"', '#,##0.00 "USD"']);
    expect(money.col('currency').csv).toEqual(['USD', 'USD']);
  });

  it('sku_reasons: one block of reasons per SKU, shares as percents', async () => {
    const r = await both('sku_reasons', { skus: ['tee-m', 'MUG'] });
    expect(r.summary.filters).toMatchObject({ skus: ['TEE-M', 'MUG'] });
    expect(r.csv.rows).toEqual([
      ['TEE-M', 'damaged_in_transit', '1', '0.2', '0', '5'],
      ['TEE-M', 'quality_defective', '1', '0.2', '0', '5'],
      ['TEE-M', 'size_fit', '1', '0.2', '1', '5'],
      ['TEE-M', 'size_too_large', '1', '0.2', '0', '5'],
      ['TEE-M', 'size_too_small', '1', '0.2', '0', '5'],
      ['MUG', 'quality_defective', '2', '1', '0', '2'],
    ]);
    expect(r.col('share').fmt.every((f) => f === '0.0%')).toBe(true);
    await expect(exportReport(reportNamed('sku_reasons'), {}, { format: 'csv', out: path.join(dir, 'x.csv') }, data.deps)).rejects.toThrow(
      'skus: give at least one SKU',
    );
  });

  it('agent_performance: one row per team member, hours as numbers, rates as percents', async () => {
    const r = await both('agent_performance', { period: 'last_30_days' });
    // leo: C2 (undecided) and C4 (+2h, completed); mia: C1 (+4h, completed) and C3 (+24h, rejected); sam: C5 (escalated claim).
    expect(r.csv.rows).toEqual([
      ['leo', '2', '1', '2', '2', '0.5', '1', '0'],
      ['mia', '2', '2', '14', '14', '1', '0.5', '0'],
      ['sam', '1', '0', '', '', '0', '', '1'],
    ]);
    expect(r.xlsx.rows[1]?.map((c) => c.numFmt)).toEqual([undefined, '0', '0', '0.0##', '0.0##', '0.0%', '0.0%', '0']);
  });

  it('disputes: open ones with hours left; all of them, paged, with open_only false', async () => {
    const open = await both('disputes', {});
    // C5: respond by Dec 6 00:00 UTC, 38 hours after NOW (Dec 4 10:00 UTC).
    expect(open.col('platform_case_id').csv).toEqual(['C5']);
    expect(open.col('hours_to_respond').xlsx).toEqual([38]);
    expect(open.col('overdue').csv).toEqual(['no']);
    expect(open.col('respond_by').xlsx).toEqual([new Date('2026-12-06T00:00:00Z')]);
    expect(open.col('deep_link').csv).toEqual(['https://sellercentral.amazon.com/orders-v3/order/O4']);
    expect(NOW.toISOString()).toBe('2026-12-04T10:00:00.000Z');

    const all = await both('disputes', { open_only: false }, { chunkSize: 1 });
    expect(all.col('platform_case_id').csv).toEqual(['C5', 'C7']);
    expect(all.col('refunded_amount').fmt).toEqual([undefined, '#,##0.00 "GBP"']);
  });

  it('custom: the chosen columns in the chosen order, an amount brings its currency, unknown columns are named', async () => {
    const r = await both('custom', { platforms: 'ebay', columns: ['Platform-Order-ID', 'requested_at', 'refunded_amount'] });
    expect(r.csv.header).toEqual(['platform_order_id', 'requested_at', 'refunded_amount', 'currency']);
    expect(r.xlsx.header).toEqual(['Order ID', 'Opened (UTC)', 'Amount refunded', 'Currency']);
    expect(r.csv.rows.sort()).toEqual([
      ['O5', '2026-12-04T01:00:00.000Z', '30', 'GBP'],
      ['O6', '2026-11-12T00:00:00.000Z', '10', 'GBP'],
    ]);
    expect(r.xlsx.rows.map((row) => row[2]?.numFmt)).toEqual(['#,##0.00 "GBP"', '#,##0.00 "GBP"']);

    const custom = reportNamed('custom');
    const out = { format: 'csv' as const, out: path.join(dir, 'custom-bad.csv') };
    await expect(exportReport(custom, { columns: ['reasn', 'sku'] }, out, data.deps)).rejects.toThrow(
      /columns: "reasn" is not a case column \(closest: reason.*\); choose from id, platform,/,
    );
    await expect(exportReport(custom, { columns: [] }, out, data.deps)).rejects.toThrow(
      'Invalid input for the custom report: columns: choose at least one column',
    );
    await expect(exportReport(custom, {}, out, data.deps)).rejects.toThrow('columns: choose the columns to write, e.g. ["platform_order_id"');
  });

  it('bad input names the field; the paging fields of the tools do not apply to a file', async () => {
    const cases = reportNamed('cases');
    const out = { format: 'csv' as const, out: path.join(dir, 'bad.csv') };
    await expect(exportReport(cases, { limit: 5 }, out, data.deps)).rejects.toThrow('Invalid input for the cases report: (input): unknown field "limit".');
    await expect(exportReport(cases, { period: 'lastweek' }, out, data.deps)).rejects.toThrow('period: Invalid option');
    await expect(exportReport(cases, { statuses: 'lost' }, out, data.deps)).rejects.toThrow('statuses: "lost" is not one we know');
  });
});
