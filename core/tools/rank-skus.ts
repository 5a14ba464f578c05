import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { DEFINITIONS } from '../metrics/definitions.ts';
import { RANK_BY, rankSkus } from '../metrics/rank-skus.ts';
import { outputMeta, periodInput, scopeInput, toList, words } from './common-schemas.ts';
import { parseKinds, parseReasons } from './parse-filter-words.ts';
import { resolveToolScopeInPeriod } from './resolve-tool-scope.ts';
import { defineTool, READ_ONLY } from './tool-definition.ts';

export const rankSkusTool = defineTool({
  name: 'rank_skus',
  title: 'Rank SKUs',
  description: [
    'SKUs ranked by refund rate (default; SKUs that sold fewer than min_units are left out), by the number of cases with a reason or reason group',
    '(by = reason with reasons = ["size"] answers "which SKUs get the most size complaints"; returns and refunds are counted unless kinds says otherwise),',
    'or by refunded amount in the reporting currency. Period default: last 30 days.',
    DEFINITIONS.sku_refund_rate,
  ].join(' '),
  input: z
    .object({
      ...scopeInput,
      ...periodInput,
      by: z.enum(RANK_BY).default('refund_rate').describe('refund_rate (default), reason or refunded_amount'),
      reasons: words('For by = reason: reasons or groups (size, quality, shipping, change_of_mind).'),
      kinds: words('For by = reason: case kinds counted (default return and refund).'),
      min_units: z.number().int().min(0).default(20).describe('For by = refund_rate: the fewest units sold for a SKU to be ranked (default 20).'),
      measure: z
        .enum(['count', 'share'])
        .default('count')
        .describe(
          'For by = reason: rank by the number of such cases (default; popular SKUs come first) or by their share of the SKU\'s cases ("which SKU has a sizing problem").',
        ),
      min_cases: z.number().int().min(1).default(10).describe('For measure = share: the fewest cases for a SKU to be ranked (default 10).'),
      limit: z.number().int().min(1).max(200).default(20),
    })
    .strict(),
  output: z.object({
    ...outputMeta,
    by: z.enum(RANK_BY),
    total: z.number().int().describe('SKUs that qualified'),
    skus: z.array(
      z.object({
        rank: z.number().int(),
        seller_sku: z.string(),
        units_sold: z.number().int(),
        refunded_units: z.number().int(),
        refund_rate: z.number().nullable(),
        cases: z.number().int().nullable(),
        matching_cases: z.number().int().nullable(),
        matching_share: z.number().nullable(),
        refunded_amount: z.number().nullable(),
      }),
    ),
  }),
  annotations: READ_ONLY,
  async run(input, deps) {
    const reasons = parseReasons(toList(input.reasons));
    if (input.by === 'reason' && !reasons)
      throw new AppError('BAD_INPUT', 'reasons: give the reasons or group to rank by, e.g. ["size"] or ["quality_defective"].');
    const s = await resolveToolScopeInPeriod(deps, { ...input, reasons: undefined, kinds: undefined });
    const result = await rankSkus(deps, {
      storeIds: s.scope.storeIds,
      period: s.period,
      by: input.by,
      reasons,
      kinds: parseKinds(toList(input.kinds)),
      minUnits: input.min_units,
      measure: input.measure,
      minCases: input.min_cases,
      limit: input.limit,
    });
    const meta = await s.meta(input.by === 'refunded_amount' ? 'refund_date' : 'request_date');
    return { ...meta, filters: { ...meta.filters, ...(reasons ? { reasons } : {}) }, by: input.by, ...result };
  },
});
