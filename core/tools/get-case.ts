import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { getCase } from '../metrics/get-case.ts';
import { outputMeta } from './common-schemas.ts';
import { CaseSummaryOut } from './metric-schemas.ts';
import { resolveToolScope } from './resolve-tool-scope.ts';
import { defineTool, READ_ONLY } from './tool-definition.ts';

export const getCaseTool = defineTool({
  name: 'get_case',
  title: 'One case in full',
  description:
    "One after-sales case with its lines, the order, the timeline of what changed, notes, amounts and the link to the platform's page. Give HelloWord's case number (id, from search_cases) or the platform's case id (case_id), plus the store when the same id exists in two stores.",
  input: z
    .object({
      id: z.number().int().positive().optional().describe("HelloWord's case number"),
      case_id: z.string().min(1).max(200).optional().describe("The platform's case, return or claim id"),
      store: z.string().optional().describe('The store id, when case_id exists in more than one store'),
    })
    .strict(),
  output: z.object({
    ...outputMeta,
    case: CaseSummaryOut.extend({
      customer_text_full: z.string().nullable(),
      line_details: z.array(
        z.object({ line_key: z.string(), seller_sku: z.string(), quantity: z.number().int(), amount: z.number().nullable(), currency: z.string() }),
      ),
      order: z
        .object({
          platform_order_id: z.string(),
          ordered_at: z.string(),
          total: z.number(),
          currency: z.string(),
          units: z.number().int(),
          raw_status: z.string().nullable(),
        })
        .nullable(),
      timeline: z.array(z.object({ at: z.string(), type: z.string(), actor: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
      notes: z.array(z.object({ at: z.string(), author: z.string(), body: z.string(), source: z.string() })),
    }),
  }),
  annotations: READ_ONLY,
  async run(input, deps) {
    if (input.id === undefined && !input.case_id) throw new AppError('BAD_INPUT', 'Give id (the HelloWord case number) or case_id (the platform case id).');
    const detail = await getCase(deps, { id: input.id, platformCaseId: input.case_id, storeId: input.store });
    const s = await resolveToolScope(deps, { stores: [detail.store_id] }, { period: 'never' });
    return { ...(await s.meta(null)), case: detail };
  },
});
