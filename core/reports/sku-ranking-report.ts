import { z } from 'zod';
import { rankSkusTool } from '../tools/rank-skus.ts';
import type { ReportColumn } from './report-column.ts';
import { defineReport, listRows } from './report-definition.ts';

const COLUMNS: readonly ReportColumn[] = [
  { name: 'rank', header: 'Rank', type: 'integer' },
  { name: 'seller_sku', header: 'SKU', type: 'text', width: 22 },
  { name: 'units_sold', header: 'Units sold', type: 'integer' },
  { name: 'refunded_units', header: 'Units refunded', type: 'integer' },
  { name: 'refund_rate', header: 'Refund rate', type: 'percent' },
  { name: 'cases', header: 'Cases', type: 'integer' },
  { name: 'matching_cases', header: 'Cases with the reasons', type: 'integer' },
  { name: 'matching_share', header: 'Share with the reasons', type: 'percent' },
  { name: 'refunded_amount', header: 'Refunded amount', type: 'money', currencyColumn: 'currency' },
  { name: 'currency', header: 'Currency', type: 'text' },
];

export const skuRankingReport = defineReport({
  name: 'sku_ranking',
  title: 'SKU ranking',
  description:
    'One row per SKU, ranked as rank_skus ranks them: by refund rate (default; SKUs that sold fewer than min_units are left out), by reason ({"by":"reason","reasons":"size"} = most size complaints) or by refunded amount in your reporting currency. Period default: last 30 days. Every SKU that qualifies, unless you set limit. The columns of the other rankings stay empty.',
  inputLike: 'rank_skus',
  input: rankSkusTool.input.extend({
    limit: z.number().int().min(1).optional().describe('At most this many SKUs (default: all that qualify).'),
  }),
  columns: COLUMNS,
  async prepare(input, deps) {
    const out = await rankSkusTool.run({ ...input, limit: input.limit ?? Number.MAX_SAFE_INTEGER }, deps);
    const rows = listRows(out.skus, (s) => ({ ...s, currency: s.refunded_amount === null ? null : deps.reportingCurrency }));
    return { columns: COLUMNS, rows, as_of: out.as_of, filters: out.filters };
  },
});
