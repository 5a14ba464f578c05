import { z } from 'zod';
import { agentPerformance } from '../metrics/agent-performance.ts';
import { DEFINITIONS } from '../metrics/definitions.ts';
import { outputMeta, periodInput, scopeInput, words } from './common-schemas.ts';
import { resolveToolScopeInPeriod } from './resolve-tool-scope.ts';
import { defineTool, READ_ONLY } from './tool-definition.ts';

export const agentPerformanceTool = defineTool({
  name: 'agent_performance',
  title: 'Team performance',
  description: [
    'Per team member, for cases opened in the period (default last 30 days): cases handled, average and median handling time in hours, resolution and approval rate, escalations.',
    DEFINITIONS.handling_time,
    DEFINITIONS.resolution_rate,
    DEFINITIONS.escalations,
    DEFINITIONS.satisfaction,
  ].join(' '),
  input: z.object({ ...scopeInput, ...periodInput, assignees: words('Only these team members.') }).strict(),
  output: z.object({
    ...outputMeta,
    agents: z.array(
      z.object({
        assignee: z.string(),
        cases_handled: z.number().int(),
        decided: z.number().int(),
        avg_handling_hours: z.number().nullable(),
        median_handling_hours: z.number().nullable(),
        resolution_rate: z.number().nullable(),
        approval_rate: z.number().nullable(),
        escalations: z.number().int(),
      }),
    ),
    satisfaction: z.object({ available: z.literal(false), why: z.string() }),
  }),
  annotations: READ_ONLY,
  async run(input, deps) {
    const s = await resolveToolScopeInPeriod(deps, input);
    const result = await agentPerformance(deps, { storeIds: s.scope.storeIds, period: s.period, assignees: s.filters.assignees });
    return { ...(await s.meta('request_date')), ...result };
  },
});
