import { readInt, type SqlValue } from '../store/sql-driver.ts';
import { caseWhere } from './case-filters.ts';
import type { MetricDeps } from './metric-deps.ts';
import { ratio } from './refund-rate.ts';
import type { Period } from './resolve-period.ts';
import { epochMs } from './sql-dialect.ts';

export interface AgentRow {
  assignee: string;
  cases_handled: number;
  decided: number;
  avg_handling_hours: number | null;
  median_handling_hours: number | null;
  resolution_rate: number | null;
  approval_rate: number | null;
  escalations: number;
}

export interface AgentPerformance {
  agents: AgentRow[];
  satisfaction: { available: false; why: string };
}

const HOURS = 3_600_000;
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Per assignee, for cases opened in the period: how many, how fast they were decided (average
 * and median), how many were closed and approved, how many escalated (DEFINITIONS.handling_time,
 * resolution_rate, escalations, satisfaction).
 */
export async function agentPerformance(
  deps: Pick<MetricDeps, 'sql'>,
  input: { storeIds: readonly string[] | undefined; period: Period; assignees?: readonly string[] },
): Promise<AgentPerformance> {
  const where = caseWhere({ stores: input.storeIds, period: input.period, assignees: input.assignees });
  const engine = deps.sql.engine;
  const hours = `(${epochMs(engine, 'c."decided_at"')} - ${epochMs(engine, 'c."requested_at"')})`;
  const rows = await deps.sql.all<Record<string, unknown>>(
    `SELECT c."assignee" AS assignee, count(*) AS handled,
            SUM(CASE WHEN c."decided_at" IS NOT NULL THEN 1 ELSE 0 END) AS decided,
            AVG(CASE WHEN c."decided_at" IS NOT NULL THEN ${hours} END) AS avg_ms,
            SUM(CASE WHEN c."status" IN ('completed', 'rejected', 'cancelled') THEN 1 ELSE 0 END) AS closed,
            SUM(CASE WHEN c."status" IN ('approved', 'completed') AND c."decided_at" IS NOT NULL THEN 1 ELSE 0 END) AS approved,
            SUM(CASE WHEN c."status" = 'escalated' OR c."kind" IN ('claim', 'chargeback') THEN 1 ELSE 0 END) AS escalations
       FROM "cases" c WHERE c."assignee" IS NOT NULL AND ${where.sql}
      GROUP BY c."assignee" ORDER BY count(*) DESC, c."assignee"`,
    where.params,
  );
  const agents: AgentRow[] = [];
  for (const r of rows) {
    const assignee = String(r.assignee);
    const decided = readInt(r.decided);
    // The median without engine-specific functions: the middle row(s) of this agent's decided cases.
    let median: number | null = null;
    if (decided > 0) {
      const params: SqlValue[] = [...where.params, assignee, decided % 2 === 0 ? 2 : 1, Math.floor((decided - 1) / 2)];
      const mids = await deps.sql.all<{ ms: unknown }>(
        `SELECT ${hours} AS ms FROM "cases" c WHERE ${where.sql} AND c."assignee" = ? AND c."decided_at" IS NOT NULL ORDER BY ${hours} LIMIT ? OFFSET ?`,
        params,
      );
      median = mids.reduce((sum, m) => sum + Number(m.ms), 0) / Math.max(1, mids.length);
    }
    const avg = r.avg_ms === null || r.avg_ms === undefined ? null : Number(r.avg_ms);
    agents.push({
      assignee,
      cases_handled: readInt(r.handled),
      decided,
      avg_handling_hours: avg === null ? null : round1(avg / HOURS),
      median_handling_hours: median === null ? null : round1(median / HOURS),
      resolution_rate: ratio(readInt(r.closed), readInt(r.handled)),
      approval_rate: ratio(readInt(r.approved), decided),
      escalations: readInt(r.escalations),
    });
  }
  return {
    agents,
    satisfaction: {
      available: false,
      why: 'None of the connected platforms gives a per-case satisfaction score through the APIs HelloWord reads.',
    },
  };
}
