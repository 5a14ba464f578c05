import { agentPerformanceTool } from '../tools/agent-performance.ts';
import type { ReportColumn } from './report-column.ts';
import { defineReport, listRows } from './report-definition.ts';

const COLUMNS: readonly ReportColumn[] = [
  { name: 'assignee', header: 'Team member', type: 'text', width: 18 },
  { name: 'cases_handled', header: 'Cases handled', type: 'integer' },
  { name: 'decided', header: 'Decided', type: 'integer' },
  { name: 'avg_handling_hours', header: 'Average hours to decide', type: 'number' },
  { name: 'median_handling_hours', header: 'Median hours to decide', type: 'number' },
  { name: 'resolution_rate', header: 'Resolution rate', type: 'percent' },
  { name: 'approval_rate', header: 'Approval rate', type: 'percent' },
  { name: 'escalations', header: 'Escalations', type: 'integer' },
];

export const agentPerformanceReport = defineReport({
  name: 'agent_performance',
  title: 'Team performance',
  description:
    'One row per team member for the cases opened in the period (default last 30 days): cases handled, hours from opening to decision (average and median), resolution and approval rate, escalations. Takes the input of agent_performance (platforms, stores, assignees, period or from/to). No satisfaction column: none of the platforms gives one.',
  inputLike: 'agent_performance',
  input: agentPerformanceTool.input,
  columns: COLUMNS,
  async prepare(input, deps) {
    const out = await agentPerformanceTool.run(input, deps);
    return { columns: COLUMNS, rows: listRows(out.agents, (a) => a), as_of: out.as_of, filters: out.filters };
  },
});
