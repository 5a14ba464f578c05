import { z } from 'zod';
import { BUCKETS, getTrend, TREND_METRICS } from '../metrics/trend.ts';
import { caseFilterInput, outputMeta, periodInput } from './common-schemas.ts';
import { resolveToolScopeInPeriod } from './resolve-tool-scope.ts';
import { defineTool, READ_ONLY } from './tool-definition.ts';

export const getTrendTool = defineTool({
  name: 'get_trend',
  title: 'Trend over time',
  description:
    'A number by day, week (from Monday) or month in the team time zone: cases opened, refund rate (refunded units ÷ units sold in the same bucket), refunded amount in the reporting currency (by refund date), disputes opened, or units sold. Any case filter narrows it. Period default: last 30 days.',
  input: z
    .object({
      metric: z.enum(TREND_METRICS).default('cases'),
      bucket: z.enum(BUCKETS).default('day'),
      ...caseFilterInput,
      ...periodInput,
    })
    .strict(),
  output: z.object({
    ...outputMeta,
    metric: z.enum(TREND_METRICS),
    bucket: z.enum(BUCKETS),
    points: z.array(
      z.object({
        bucket: z.string().describe('First day of the bucket'),
        from: z.string(),
        to: z.string(),
        value: z.number().nullable(),
        numerator: z.number().optional(),
        denominator: z.number().optional(),
      }),
    ),
  }),
  annotations: READ_ONLY,
  async run(input, deps) {
    const s = await resolveToolScopeInPeriod(deps, input);
    const { period: _period, dateBasis: _basis, ...filters } = s.filters;
    const points = await getTrend(deps, { metric: input.metric, bucket: input.bucket, period: s.period, filters });
    return { ...(await s.meta(input.metric === 'refunded_amount' ? 'refund_date' : 'request_date')), metric: input.metric, bucket: input.bucket, points };
  },
});
