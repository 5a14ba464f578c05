import type { z } from 'zod';
import { AppError, type AppErrorCode } from '../errors/app-error.ts';
import type { ToolDefinition, ToolDeps } from './tool-definition.ts';

export interface ToolFailure {
  ok: false;
  error: { code: AppErrorCode; message: string; issues?: { path: string; message: string }[] };
}
export type ToolResult = { ok: true; output: Record<string, unknown> } | ToolFailure;

/** "limit: Too big: expected number to be <=200" — each issue with the field it is about. */
export function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => {
    const path = i.path.join('.');
    const message = i.code === 'unrecognized_keys' ? `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}` : i.message;
    return { path: path || '(input)', message };
  });
}

/**
 * Runs a tool the way every surface does: validate the input, call the handler, validate the
 * output. Expected failures (bad input, nothing found) come back as values with a code and a
 * message saying what to do; only bugs throw.
 */
export async function runTool(tool: ToolDefinition, rawInput: unknown, deps: ToolDeps): Promise<ToolResult> {
  const parsed = tool.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    return {
      ok: false,
      error: { code: 'BAD_INPUT', message: `Invalid input for ${tool.name}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`, issues },
    };
  }
  let output: unknown;
  try {
    output = await tool.run(parsed.data, deps);
  } catch (error) {
    if (error instanceof AppError && (error.code === 'BAD_INPUT' || error.code === 'NOT_FOUND')) {
      return { ok: false, error: { code: error.code, message: error.userMessage } };
    }
    throw error;
  }
  const checked = tool.output.safeParse(output);
  if (!checked.success) {
    throw new AppError('INTERNAL', `The ${tool.name} tool produced an answer that does not match its schema.`, {
      message: `${tool.name} output: ${JSON.stringify(describeIssues(checked.error))}`,
    });
  }
  return { ok: true, output: checked.data as Record<string, unknown> };
}
