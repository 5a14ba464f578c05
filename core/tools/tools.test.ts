import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NOW, TZ, useSmallDataset } from '../metrics/__fixtures__/small-dataset.ts';
import { describeEachEngine } from '../testing/test-databases.ts';
import { findTool, TOOLS } from './registry.ts';
import { renderToolText } from './render-tool-text.ts';
import { runTool } from './run-tool.ts';

const call = async (deps: Parameters<typeof runTool>[2], name: string, input: unknown) => {
  const tool = findTool(name);
  if (!tool) throw new Error(`no tool ${name}`);
  return runTool(tool, input, deps);
};

// Valid input for every tool, so each output is checked against its schema (runTool validates it).
const VALID: Record<string, unknown> = {
  get_overview: {},
  search_cases: { statuses: 'pending' },
  get_case: { case_id: 'C1' },
  rank_skus: { min_units: 1 },
  sku_reasons: { skus: 'tee-m' },
  agent_performance: {},
  list_disputes: {},
  get_trend: { metric: 'refund_rate', bucket: 'week' },
  get_insights: {},
  sync_status: {},
  run_report: { report: 'disputes', format: 'csv' },
  calculate: { expression: 'a / b', variables: { a: 6, b: 9 } },
};

describeEachEngine('tools on the small dataset', (engine) => {
  const data = useSmallDataset(engine);
  let reportsDir: string;
  beforeAll(() => {
    reportsDir = mkdtempSync(path.join(os.tmpdir(), 'helloword-reports-'));
  });
  afterAll(() => rmSync(reportsDir, { recursive: true, force: true }));

  it('every tool answers valid input with output that matches its schema, as_of and the resolved filters', async () => {
    expect(Object.keys(VALID).sort()).toEqual(TOOLS.map((t) => t.name).sort());
    for (const tool of TOOLS) {
      const result = await runTool(tool, VALID[tool.name], { ...data.deps, reportsDir });
      expect(result.ok, `${tool.name}: ${JSON.stringify(result)}`).toBe(true);
      if (!result.ok) continue;
      expect(result.output).toHaveProperty('as_of');
      expect(renderToolText(tool.title, result.output)).toContain(tool.title);
    }
  });

  it('one question, two phrasings, one number: "AMZ" and ["amazon"] resolve to the same stores and period', async () => {
    const a = await call(data.deps, 'get_overview', { platforms: 'AMZ', period: 'last_7_days' });
    const b = await call(data.deps, 'get_overview', { platforms: ['amazon'], from: '2026-11-28', to: '2026-12-04' });
    if (!a.ok || !b.ok) throw new Error('overview failed');
    expect(a.output.refund_rate).toEqual(b.output.refund_rate);
    expect(a.output.filters).toMatchObject({
      platforms: ['amazon'],
      stores: ['s-amz'],
      date_basis: 'request_date',
      period: { first_day: '2026-11-28', last_day: '2026-12-04', time_zone: TZ, from: '2026-11-27T16:00:00.000Z' },
    });
    // Data freshness: the store's last successful sync.
    expect(a.output.as_of).toBe('2026-12-04T09:00:00.000Z');
  });

  it('run_report writes the file under the reports folder (created on first use) and says where, with the filters it used', async () => {
    const fresh = path.join(reportsDir, 'not-yet-there');
    const r = await call({ ...data.deps, reportsDir: fresh }, 'run_report', { report: 'sku-ranking', input: { min_units: 1 } });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.output).toMatchObject({ report: 'sku_ranking', format: 'xlsx', rows: 2 });
    expect(String(r.output.file)).toBe(path.join(fresh, 'sku_ranking-20261204-100000.xlsx'));
    expect(existsSync(String(r.output.file))).toBe(true);
    const bad = await call({ ...data.deps, reportsDir }, 'run_report', { report: 'everything' });
    expect(bad.ok || bad.error.message).toContain('there is no report "everything"; use cases, sku_ranking');
    const badInput = await call({ ...data.deps, reportsDir }, 'run_report', { report: 'cases', input: { limit: 5 } });
    expect(badInput.ok || badInput.error.message).toContain('Invalid input for the cases report');
  });

  it('pages with the total and how to get more', async () => {
    const first = await call(data.deps, 'search_cases', { limit: 4 });
    if (!first.ok) throw new Error('search failed');
    expect(first.output).toMatchObject({ total: 9, next_offset: 4 });
    const last = await call(data.deps, 'search_cases', { limit: 4, offset: 8 });
    expect(last.ok && last.output).toMatchObject({ total: 9, next_offset: null });
  });

  it('Chinese status words and reason groups are understood', async () => {
    const r = await call(data.deps, 'search_cases', { statuses: '待处理', reasons: ['质量'] });
    expect(r.ok && (r.output.cases as { platform_case_id: string }[]).map((c) => c.platform_case_id)).toEqual(['C2']);
    const size = await call(data.deps, 'rank_skus', { by: 'reason', reasons: 'size', period: 'last_30_days' });
    expect(size.ok && size.output.skus).toMatchObject([{ seller_sku: 'TEE-M', matching_cases: 3 }]);
  });

  it.each([
    ['search_cases', { limit: 500 }, 'BAD_INPUT', 'limit: Too big: expected number to be <=200'],
    ['search_cases', { colour: 'red' }, 'BAD_INPUT', '(input): unknown field "colour"'],
    ['search_cases', { platforms: 'etsy' }, 'BAD_INPUT', 'platforms: "etsy" is not a platform HelloWord syncs; use amazon, ebay, shopify, walmart, wish.'],
    ['search_cases', { statuses: 'lost' }, 'BAD_INPUT', 'statuses: "lost" is not one we know'],
    ['get_overview', { period: 'last_week', from: '2026-11-01' }, 'BAD_INPUT', 'either a period preset or from/to dates'],
    ['get_overview', { stores: 'amazon-fr' }, 'NOT_FOUND', 'No store "amazon-fr". Stores: s-amz, s-ebay-uk.'],
    ['sku_reasons', { skus: 'TEE-L' }, 'NOT_FOUND', 'No SKU "TEE-L"; closest: TEE-M'],
    ['sku_reasons', {}, 'BAD_INPUT', 'skus: give at least one SKU'],
    ['get_case', {}, 'BAD_INPUT', 'Give id (the HelloWord case number) or case_id'],
    ['get_case', { id: 999 }, 'NOT_FOUND', 'No case with case number 999. Use search_cases'],
    ['rank_skus', { by: 'reason' }, 'BAD_INPUT', 'reasons: give the reasons or group to rank by'],
    ['calculate', { expression: 'x * 2' }, 'BAD_INPUT', '"x" is not defined; pass it in variables'],
  ])('%s %j is a tool error the caller can act on', async (name, input, code, message) => {
    const r = await call(data.deps, name, input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.message).toContain(message);
  });

  it('the clock and the time zone come from deps: the same call a day later counts a different week', async () => {
    const later = await call({ ...data.deps, now: () => new Date(NOW.getTime() + 7 * 86_400_000) }, 'get_overview', { period: 'last_7_days' });
    expect(later.ok && (later.output.filters as { period: { first_day: string } }).period.first_day).toBe('2026-12-05');
  });
});
