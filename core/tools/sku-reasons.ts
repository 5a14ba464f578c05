import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { DEFINITIONS } from '../metrics/definitions.ts';
import { skuReasons } from '../metrics/sku-reasons.ts';
import { outputMeta, periodInput, scopeInput, toList, words } from './common-schemas.ts';
import { parseKinds } from './parse-filter-words.ts';
import { resolveToolScopeInPeriod } from './resolve-tool-scope.ts';
import { defineTool, READ_ONLY } from './tool-definition.ts';

export const skuReasonsTool = defineTool({
  name: 'sku_reasons',
  title: 'Why a SKU comes back',
  description: [
    "The share of each reason among the returns and refunds of one SKU or a set of SKUs (e.g. size_too_small 62%), how many were read from the buyer's words rather than the platform's code, and the share of the three size reasons together. Period default: last 90 days.",
    DEFINITIONS.reason_distribution,
  ].join(' '),
  input: z
    .object({
      skus: words("One SKU or a list (the seller's SKU, case-insensitive)."),
      ...scopeInput,
      ...periodInput,
      kinds: words('Case kinds counted (default return and refund).'),
    })
    .strict(),
  output: z.object({
    ...outputMeta,
    skus: z.array(z.string()),
    kinds: z.array(z.string()),
    cases: z.number().int(),
    reasons: z.array(z.object({ reason: z.string(), cases: z.number().int(), share: z.number(), from_customer_text: z.number().int() })),
    size_share: z.number().nullable(),
  }),
  annotations: READ_ONLY,
  async run(input, deps) {
    if (!toList(input.skus)?.length) throw new AppError('BAD_INPUT', 'skus: give at least one SKU, e.g. "TEE-SLIM-BLK-M" (rank_skus lists them).');
    const s = await resolveToolScopeInPeriod(deps, { ...input, kinds: undefined }, { defaultPeriod: 'last_90_days' });
    if (!s.filters.skus) throw new Error('sku_reasons needs SKUs');
    const result = await skuReasons(deps, { storeIds: s.scope.storeIds, period: s.period, skus: s.filters.skus, kinds: parseKinds(toList(input.kinds)) });
    return { ...(await s.meta('request_date')), ...result };
  },
});
