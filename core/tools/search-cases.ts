import { z } from 'zod';
import { DATE_BASES } from '../metrics/case-filters.ts';
import { CASE_SORTS, searchCases } from '../metrics/search-cases.ts';
import { caseFilterInput, outputMeta, paging, pagingInput, periodInput } from './common-schemas.ts';
import { CaseSummaryOut } from './metric-schemas.ts';
import { resolveToolScope } from './resolve-tool-scope.ts';
import { defineTool, READ_ONLY } from './tool-definition.ts';

export const searchCasesTool = defineTool({
  name: 'search_cases',
  title: 'Search after-sales cases',
  description:
    "Find returns, refunds, cancellations, inquiries, claims and chargebacks by platform, store, order id, status, kind, type, reason or reason group (size = the three size reasons), SKU, assignee, period and date basis, or words in the buyer's text. Newest first, 20 at a time with the total; pass next_offset as offset for more. Without a period, all dates are searched.",
  input: z
    .object({
      ...caseFilterInput,
      ...periodInput,
      date_basis: z
        .enum(DATE_BASES)
        .default('request_date')
        .describe('Which date puts a case in the period: request_date (default), refund_date or order_date.'),
      sort: z.enum(CASE_SORTS).default('newest').describe('newest (default), oldest, respond_by (soonest deadline first) or largest_refund.'),
      ...pagingInput,
    })
    .strict(),
  output: z.object({ ...outputMeta, ...paging, cases: z.array(CaseSummaryOut) }),
  annotations: READ_ONLY,
  async run(input, deps) {
    const s = await resolveToolScope(deps, input, { period: 'when-given' });
    const result = await searchCases(deps, {
      filters: { ...s.filters, dateBasis: input.date_basis },
      sort: input.sort,
      limit: input.limit,
      offset: input.offset,
    });
    const next = input.offset + result.cases.length;
    return { ...(await s.meta(input.date_basis)), total: result.total, next_offset: next < result.total ? next : null, cases: result.cases };
  },
});
