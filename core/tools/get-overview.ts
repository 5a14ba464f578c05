import { z } from 'zod';
import { DEFINITIONS } from '../metrics/definitions.ts';
import { getOverview } from '../metrics/get-overview.ts';
import { PeriodOutput } from '../metrics/resolve-period.ts';
import { outputMeta, periodInput, scopeInput } from './common-schemas.ts';
import { compared, MoneyTotalOut, RefundRateOut } from './metric-schemas.ts';
import { resolveToolScopeInPeriod } from './resolve-tool-scope.ts';
import { defineTool, READ_ONLY } from './tool-definition.ts';

export const getOverviewTool = defineTool({
  name: 'get_overview',
  title: 'After-sales overview',
  description: [
    'The after-sales health of the stores in scope: refund rate over the last 7 and 30 days (by units and by orders, each with the period before),',
    'pending cases, dispute rate, reasons and refunded amount for the chosen period (default last 30 days), each against the period before.',
    DEFINITIONS.refund_rate_units,
    DEFINITIONS.pending,
    DEFINITIONS.dispute_rate,
    DEFINITIONS.refunded_amount,
  ].join(' '),
  input: z.object({ ...scopeInput, ...periodInput }).strict(),
  output: z.object({
    ...outputMeta,
    refund_rate: z.object({
      last_7_days: compared(RefundRateOut).extend({ period: PeriodOutput }),
      last_30_days: compared(RefundRateOut).extend({ period: PeriodOutput }),
    }),
    pending: z.object({ total: z.number().int(), by_kind: z.record(z.string(), z.number().int()), by_status: z.record(z.string(), z.number().int()) }),
    dispute_rate: compared(z.object({ disputes: z.number().int(), orders: z.number().int(), rate: z.number().nullable() })),
    reasons: z.array(z.object({ reason: z.string(), cases: z.number().int(), share: z.number() })),
    refunded_amount: compared(MoneyTotalOut),
  }),
  annotations: READ_ONLY,
  async run(input, deps) {
    const s = await resolveToolScopeInPeriod(deps, input);
    const overview = await getOverview(deps, { storeIds: s.scope.storeIds, period: s.period });
    return { ...(await s.meta('request_date')), ...overview };
  },
});
