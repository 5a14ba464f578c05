import { agentPerformanceTool } from './agent-performance.ts';
import { calculateTool } from './calculate.ts';
import { getCaseTool } from './get-case.ts';
import { getInsightsTool } from './get-insights.ts';
import { getOverviewTool } from './get-overview.ts';
import { getTrendTool } from './get-trend.ts';
import { listDisputesTool } from './list-disputes.ts';
import { rankSkusTool } from './rank-skus.ts';
import { runReportTool } from './run-report.ts';
import { searchCasesTool } from './search-cases.ts';
import { skuReasonsTool } from './sku-reasons.ts';
import { syncStatusTool } from './sync-status.ts';
import type { ToolDefinition } from './tool-definition.ts';

/** Every tool, once (the read tools of DESIGN, run_report and calculate): the MCP server, the agent, `helloword tool` and the evals all serve this list. */
export const TOOLS: readonly ToolDefinition[] = [
  getOverviewTool,
  searchCasesTool,
  getCaseTool,
  rankSkusTool,
  skuReasonsTool,
  agentPerformanceTool,
  listDisputesTool,
  getTrendTool,
  getInsightsTool,
  syncStatusTool,
  runReportTool,
  calculateTool,
] as unknown as readonly ToolDefinition[];

export function findTool(name: string): ToolDefinition | undefined {
  return TOOLS.find((t) => t.name === name.trim().toLowerCase().replace(/-/g, '_'));
}
