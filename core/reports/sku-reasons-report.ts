import { AppError } from '../errors/app-error.ts';
import { skuReasons } from '../metrics/sku-reasons.ts';
import { toList } from '../tools/common-schemas.ts';
import { parseKinds } from '../tools/parse-filter-words.ts';
import { resolveToolScopeInPeriod } from '../tools/resolve-tool-scope.ts';
import { skuReasonsTool } from '../tools/sku-reasons.ts';
import type { ReportColumn, ReportRow } from './report-column.ts';
import { defineReport, listRows } from './report-definition.ts';

const COLUMNS: readonly ReportColumn[] = [
  { name: 'seller_sku', header: 'SKU', type: 'text', width: 22 },
  { name: 'reason', header: 'Reason', type: 'text', width: 22 },
  { name: 'cases', header: 'Cases', type: 'integer' },
  { name: 'share', header: "Share of the SKU's cases", type: 'percent' },
  { name: 'from_customer_text', header: "Read from the buyer's words", type: 'integer' },
  { name: 'sku_cases', header: 'All cases of the SKU', type: 'integer' },
];

export const skuReasonsReport = defineReport({
  name: 'sku_reasons',
  title: 'Why SKUs come back',
  description:
    'For each SKU you name, one row per reason: how many of its returns and refunds gave that reason, the share of the SKU\'s cases, and how many were read from the buyer\'s words. Takes the input of sku_reasons ({"skus":["TEE-SLIM-BLK-M","TEE-SLIM-BLK-L"]}); period default: last 90 days. Each SKU gets its own shares (the tool adds several SKUs together).',
  inputLike: 'sku_reasons',
  input: skuReasonsTool.input,
  columns: COLUMNS,
  async prepare(input, deps) {
    if (!toList(input.skus)?.length) throw new AppError('BAD_INPUT', 'skus: give at least one SKU, e.g. "TEE-SLIM-BLK-M" (the sku_ranking report lists them).');
    // The same resolution as the tool (SKU spelling, stores, period, kinds); then one breakdown per SKU.
    const s = await resolveToolScopeInPeriod(deps, { ...input, kinds: undefined }, { defaultPeriod: 'last_90_days' });
    if (!s.filters.skus) throw new Error('sku_reasons needs SKUs');
    const kinds = parseKinds(toList(input.kinds));
    const rows: ReportRow[] = [];
    for (const sku of new Set(s.filters.skus)) {
      const one = await skuReasons(deps, { storeIds: s.scope.storeIds, period: s.period, skus: [sku], ...(kinds ? { kinds } : {}) });
      for (const r of one.reasons) rows.push({ seller_sku: sku, ...r, sku_cases: one.cases });
    }
    return { columns: COLUMNS, rows: listRows(rows, (r) => r), ...(await s.meta('request_date')) };
  },
});
