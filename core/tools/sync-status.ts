import { z } from 'zod';
import { syncStatus } from '../metrics/sync-status.ts';
import { outputMeta, scopeInput } from './common-schemas.ts';
import { resolveToolScope } from './resolve-tool-scope.ts';
import { defineTool, READ_ONLY } from './tool-definition.ts';

export const syncStatusTool = defineTool({
  name: 'sync_status',
  title: 'Sync status',
  description:
    'Per store: when it last synced successfully, how many minutes behind it is, the last run and its error, failed runs, rate-limit waits and skipped records over the last 24 hours, and platform values HelloWord did not recognise (kept raw, counted here).',
  input: z.object(scopeInput).strict(),
  output: z.object({
    ...outputMeta,
    stores: z.array(
      z.object({
        store_id: z.string(),
        name: z.string(),
        platform: z.string(),
        is_demo: z.boolean(),
        last_success: z.string().nullable(),
        lag_minutes: z.number().int().nullable(),
        last_run: z
          .object({ resource: z.string(), status: z.string(), started_at: z.string(), finished_at: z.string().nullable(), error: z.string().nullable() })
          .nullable(),
        failed_runs_24h: z.number().int(),
        rate_limit_waits_24h: z.number().int(),
        skipped_records_24h: z.number().int(),
        unmapped_values: z.record(z.string(), z.number()),
      }),
    ),
  }),
  annotations: READ_ONLY,
  async run(input, deps) {
    const s = await resolveToolScope(deps, input, { period: 'never' });
    return { ...(await s.meta(null)), stores: await syncStatus(deps, { storeIds: s.scope.storeIds }) };
  },
});
