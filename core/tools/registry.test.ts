import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { evaluateArithmetic } from './calculate.ts';
import { findTool, TOOLS } from './registry.ts';

describe('the tool registry', () => {
  it('has the read tools of DESIGN, each named once, honest about what they change, closed to the world', () => {
    expect(TOOLS.map((t) => t.name)).toEqual([
      'get_overview',
      'search_cases',
      'get_case',
      'rank_skus',
      'sku_reasons',
      'agent_performance',
      'list_disputes',
      'get_trend',
      'get_insights',
      'sync_status',
      'run_report',
      'calculate',
    ]);
    for (const t of TOOLS) {
      // run_report writes a new file each time: not read-only, not idempotent, but it destroys nothing.
      const writesAFile = t.name === 'run_report';
      expect(t.annotations, t.name).toEqual({ readOnlyHint: !writesAFile, destructiveHint: false, idempotentHint: !writesAFile, openWorldHint: false });
      expect(t.description.length, t.name).toBeGreaterThan(80);
      expect(t.output.shape, t.name).toHaveProperty('as_of');
      expect(t.output.shape, t.name).toHaveProperty('filters');
    }
  });

  it('every input is strict about unknown fields and converts to JSON Schema for MCP clients', () => {
    for (const t of TOOLS) {
      expect(t.input.safeParse({ colour: 'red' }).success, t.name).toBe(false);
      const schema = z.toJSONSchema(t.input, { io: 'input' }) as { type: string; additionalProperties?: boolean };
      expect(schema.type, t.name).toBe('object');
      expect(schema.additionalProperties, t.name).toBe(false);
      expect(() => z.toJSONSchema(t.output), t.name).not.toThrow();
    }
  });

  it('finds a tool by name, forgiving dashes and case', () => {
    expect(findTool('Rank-SKUs')?.name).toBe('rank_skus');
    expect(findTool('nope')).toBeUndefined();
  });
});

describe('calculate', () => {
  it('does arithmetic with named numbers', () => {
    expect(evaluateArithmetic('(a - b) / b * 100', { a: 0.12, b: 0.08 })).toBeCloseTo(50);
    expect(evaluateArithmetic('round(mean(3, 4, 8), 2)', {})).toBe(5);
    expect(evaluateArithmetic('max(2, 3) ^ 2 + pi - pi', {})).toBe(9);
  });

  it.each([
    ['import({}, {})', '"import" is not available'],
    ['createUnit("x")', 'is not available'],
    ['evaluate("1+1")', 'is not available'],
    ['parse("1")', 'is not available'],
    ['f(x) = x', 'FunctionAssignmentNode'],
    ['a = 5', 'AssignmentNode'],
    ['[1, 2, 3]', 'ArrayNode'],
    ['"text"', 'only numbers are allowed'],
    ['unknownThing * 2', '"unknownThing" is not defined'],
    ['1 / 0', 'not a finite number'],
    ['1 +', 'cannot read it'],
    ['1+'.repeat(300), 'at most 500 characters'],
  ])('refuses %s', (expression, message) => {
    expect(() => evaluateArithmetic(expression, {})).toThrow(message);
  });
});
