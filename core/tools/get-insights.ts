import { z } from 'zod';
import { getInsights, INSIGHT_KINDS } from '../metrics/get-insights.ts';
import { outputMeta, periodInput, scopeInput } from './common-schemas.ts';
import { resolveToolScopeInPeriod } from './resolve-tool-scope.ts';
import { defineTool, READ_ONLY } from './tool-definition.ts';

export const getInsightsTool = defineTool({
  name: 'get_insights',
  title: 'Recommendations',
  description:
    'Recommendations from fixed rules, each with the numbers behind it and how confident it is: fix the size chart of size-heavy SKUs, inspect a SKU with a defect spike in the last 14 days, improve packaging for damage in transit, look at refund-rate outliers (2× the average or more), a policy for repeated change-of-mind returns, answer a burst of claims, and a team member much slower than the rest. Period default: last 90 days.',
  input: z.object({ ...scopeInput, ...periodInput }).strict(),
  output: z.object({
    ...outputMeta,
    insights: z.array(
      z.object({
        kind: z.enum(INSIGHT_KINDS),
        recommendation: z.string(),
        subject: z.string(),
        evidence: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
        confidence: z.enum(['high', 'medium', 'low']),
      }),
    ),
  }),
  annotations: READ_ONLY,
  async run(input, deps) {
    const s = await resolveToolScopeInPeriod(deps, input, { defaultPeriod: 'last_90_days' });
    return { ...(await s.meta('request_date')), insights: await getInsights(deps, { storeIds: s.scope.storeIds, period: s.period }) };
  },
});
