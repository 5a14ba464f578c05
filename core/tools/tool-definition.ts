import type { z } from 'zod';
import type { MetricDeps } from '../metrics/metric-deps.ts';

/** What a tool's handler may use: the metric dependencies (database, clock, time zone, currency). */
export interface ToolDeps extends MetricDeps {
  /** Where run_report writes its files (default ./data/reports). */
  reportsDir?: string;
}

/** The MCP tool annotations, stated honestly for each tool. */
export interface ToolAnnotations {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  /** True only for tools that reach outside HelloWord's own database (platform write-backs). */
  openWorldHint: boolean;
}

/**
 * One tool, as the MCP server, the agent, `helloword tool` and the evals all see it. The input
 * is strict about unknown fields and forgiving about spelling (handled in the handler, so the
 * schema stays plain JSON Schema for clients); the output always carries `as_of` and the
 * resolved filters.
 */
export interface ToolDefinition<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> {
  name: string;
  title: string;
  /** Written for a language model and a person alike: what it answers, what it counts, the defaults. */
  description: string;
  input: I;
  output: O;
  annotations: ToolAnnotations;
  run(input: z.output<I>, deps: ToolDeps): Promise<z.output<O>>;
}

/** Keeps the handler's types tied to its schemas. */
export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(tool: ToolDefinition<I, O>): ToolDefinition<I, O> {
  return tool;
}

export const READ_ONLY: ToolAnnotations = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };
