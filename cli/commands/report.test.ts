import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsvReport, readXlsxReport } from '../../core/testing/read-report-file.ts';
import { helloword } from '../spawn-helloword.ts';

describe('helloword report', () => {
  const env = { HELLOWORD_NOW: '2026-12-04T00:00:00Z', HELLOWORD_TZ: 'Asia/Shanghai' };
  let cwd: string;
  beforeAll(async () => {
    cwd = mkdtempSync(path.join(os.tmpdir(), 'helloword-report-cli-'));
    const demo = await helloword(['demo', '--cases', '300'], { cwd, env });
    expect(demo.code, demo.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it('report list shows every report with its columns, for people and as JSON', async () => {
    const text = await helloword(['report', 'list'], { cwd, env });
    expect(text.code).toBe(0);
    for (const name of ['cases', 'sku_ranking', 'sku_reasons', 'agent_performance', 'disputes', 'custom']) expect(text.stdout).toContain(`${name}: `);
    expect(text.stdout).toContain('Columns to choose from: id, platform,');
    const json = await helloword(['report', 'list', '--json'], { cwd, env });
    const list = JSON.parse(json.stdout) as { name: string; input_like: string; columns: { name: string; type: string; currency_column?: string }[] }[];
    expect(list.map((r) => r.name)).toEqual(['cases', 'sku_ranking', 'sku_reasons', 'agent_performance', 'disputes', 'custom']);
    expect(list.find((r) => r.name === 'cases')?.columns.find((c) => c.name === 'refunded_amount')).toEqual({
      name: 'refunded_amount',
      header: 'Amount refunded',
      type: 'money',
      currency_column: 'currency',
    });
  });

  it('writes a CSV and an Excel file that read back with the rows it reports', async () => {
    const csvOut = path.join(cwd, 'amazon-cases.csv');
    const csv = await helloword(
      ['report', 'cases', '--format', 'csv', '--out', csvOut, '--input', '{"platforms":"amazon","period":"last_30_days"}', '--json'],
      {
        cwd,
        env,
      },
    );
    expect(csv.code, csv.stderr).toBe(0);
    const summary = JSON.parse(csv.stdout);
    expect(summary).toMatchObject({ report: 'cases', format: 'csv', out: csvOut, filters: { platforms: ['amazon'], period: { first_day: '2026-11-05' } } });
    expect(summary.rows).toBeGreaterThan(10);
    const rows = readCsvReport(csvOut);
    expect(rows.rows).toHaveLength(summary.rows);
    expect(new Set(rows.rows.map((r) => r[rows.header.indexOf('platform')]))).toEqual(new Set(['amazon']));

    const xlsxOut = path.join(cwd, 'size.xlsx');
    const xlsx = await helloword(['report', 'sku-ranking', '--out', xlsxOut, '--input', '{"by":"reason","reasons":"size"}'], { cwd, env });
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(xlsx.stdout).toMatch(
      /^Wrote \d+ rows? of "SKU ranking" to .*size\.xlsx \(Excel\)\.\nPeriod: 2026-11-05 to 2026-12-04 \(Asia\/Shanghai\), by request date\./,
    );
    const sheet = await readXlsxReport(xlsxOut);
    expect(sheet.header.slice(0, 3)).toEqual(['Rank', 'SKU', 'Units sold']);
    expect(sheet.rows.length).toBeGreaterThan(0);
    expect(sheet.rows[0]?.[7]).toEqual({ value: expect.any(Number), numFmt: '0.0%' });
    expect(readdirSync(cwd).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('bad usage exits 2 naming the problem, and writes nothing', async () => {
    const out = path.join(cwd, 'x.pdf');
    const format = await helloword(['report', 'cases', '--format', 'pdf', '--out', out], { cwd, env });
    expect(format.code).toBe(2);
    expect(format.stderr).toBe('helloword: --format must be csv or xlsx (got "pdf").\n');

    const missing = path.join(cwd, 'no-such-folder', 'cases.xlsx');
    const folder = await helloword(['report', 'cases', '--format', 'xlsx', '--out', missing], { cwd, env });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain(`the folder ${path.join(cwd, 'no-such-folder')} does not exist`);

    const column = await helloword(['report', 'custom', '--out', 'c.csv', '--input', '{"columns":["order"]}', '--json'], { cwd, env });
    expect(column.code).toBe(2);
    expect(JSON.parse(column.stdout).error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('columns: "order" is not a case column') });

    const field = await helloword(['report', 'cases', '--out', 'c.csv', '--input', '{"limit":10}'], { cwd, env });
    expect(field.code).toBe(2);
    expect(field.stderr).toContain('Invalid input for the cases report: (input): unknown field "limit".');

    for (const [args, message] of [
      [['report'], 'Name a report, or "list".'],
      [['report', 'refunds', '--out', 'r.csv'], 'There is no report "refunds".'],
      [['report', 'cases'], 'Give the file to write with --out'],
      [['report', 'cases', '--out', 'cases.txt'], 'Give --format csv or --format xlsx'],
      [['report', 'cases', '--out', 'c.csv', '--input', '{period'], '--input is not valid JSON'],
    ] as const) {
      const run = await helloword([...args], { cwd, env });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
    }
    expect(existsSync(out)).toBe(false);
    expect(existsSync(path.join(cwd, 'c.csv'))).toBe(false);
  });
});
