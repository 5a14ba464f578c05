import { agentPerformanceReport } from './agent-performance-report.ts';
import { casesReport } from './cases-report.ts';
import { customReport } from './custom-report.ts';
import { disputesReport } from './disputes-report.ts';
import type { ReportDefinition } from './report-definition.ts';
import { skuRankingReport } from './sku-ranking-report.ts';
import { skuReasonsReport } from './sku-reasons-report.ts';

/** Every report `helloword report` writes, once. */
export const REPORTS: readonly ReportDefinition[] = [
  casesReport,
  skuRankingReport,
  skuReasonsReport,
  agentPerformanceReport,
  disputesReport,
  customReport,
] as unknown as readonly ReportDefinition[];

/** "sku-ranking", "SKU_Ranking" and "sku_ranking" are one report. */
export function findReport(name: string): ReportDefinition | undefined {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, '_');
  return REPORTS.find((r) => r.name === key);
}
