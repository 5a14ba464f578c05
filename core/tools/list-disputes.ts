import { z } from 'zod';
import { listDisputes } from '../metrics/list-disputes.ts';
import { caseFilterInput, outputMeta, paging, pagingInput, periodInput } from './common-schemas.ts';
import { CaseSummaryOut } from './metric-schemas.ts';
import { resolveToolScope } from './resolve-tool-scope.ts';
import { defineTool, READ_ONLY } from './tool-definition.ts';

const { kinds, platforms, stores, skus, assignees, order_id, text } = caseFilterInput;

export const listDisputesTool = defineTool({
  name: 'list_disputes',
  title: 'Claims, disputes and chargebacks',
  description:
    "Open Amazon A-to-z claims, eBay cases, payment disputes and chargebacks, soonest response deadline first, with hours left (negative = overdue) and a link to the platform's page to respond. Set open_only false to include decided ones; give a period to limit by the date opened.",
  input: z
    .object({
      platforms,
      stores,
      kinds,
      skus,
      assignees,
      order_id,
      text,
      ...periodInput,
      open_only: z.boolean().default(true).describe('Only those still waiting for a response (default true).'),
      ...pagingInput,
    })
    .strict(),
  output: z.object({
    ...outputMeta,
    ...paging,
    disputes: z.array(CaseSummaryOut.extend({ hours_to_respond: z.number().nullable(), overdue: z.boolean() })),
  }),
  annotations: READ_ONLY,
  async run(input, deps) {
    const s = await resolveToolScope(deps, input, { period: 'when-given' });
    const result = await listDisputes(deps, { filters: s.filters, openOnly: input.open_only, limit: input.limit, offset: input.offset });
    const next = input.offset + result.disputes.length;
    return { ...(await s.meta('request_date')), total: result.total, next_offset: next < result.total ? next : null, disputes: result.disputes };
  },
});
