import { all, create, type MathNode } from 'mathjs';
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { outputMeta } from './common-schemas.ts';
import { defineTool, READ_ONLY } from './tool-definition.ts';

const math = create(all ?? {});
// Only arithmetic: no assignments, function definitions, imports, units, matrices or strings.
// With these nodes an expression has no loops, so its running time is bounded by its length.
const ALLOWED_NODES = new Set(['ConstantNode', 'SymbolNode', 'OperatorNode', 'ParenthesisNode', 'FunctionNode']);
const ALLOWED_FUNCTIONS = new Set([
  'abs',
  'round',
  'floor',
  'ceil',
  'min',
  'max',
  'sqrt',
  'cbrt',
  'exp',
  'log',
  'log10',
  'pow',
  'mean',
  'median',
  'sum',
  'mod',
]);
const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };
const MAX_LENGTH = 500;

function checkTree(root: MathNode, variables: Readonly<Record<string, number>>): void {
  root.traverse((node, _path, parent) => {
    if (!ALLOWED_NODES.has(node.type))
      throw new AppError('BAD_INPUT', `expression: only numbers, + - * / ^ %, parentheses and functions are allowed (found ${node.type}).`);
    if (node.type === 'ConstantNode' && typeof (node as unknown as { value: unknown }).value !== 'number') {
      throw new AppError('BAD_INPUT', 'expression: only numbers are allowed as values.');
    }
    if (node.type === 'FunctionNode') {
      const name = (node as unknown as { fn: { name?: string } }).fn.name ?? '';
      if (!ALLOWED_FUNCTIONS.has(name)) throw new AppError('BAD_INPUT', `expression: "${name}" is not available; use ${[...ALLOWED_FUNCTIONS].join(', ')}.`);
    }
    if (node.type === 'SymbolNode') {
      const name = (node as unknown as { name: string }).name;
      const isCalledFunction = parent?.type === 'FunctionNode' && (parent as unknown as { fn: MathNode }).fn === node;
      if (!isCalledFunction && !(name in variables) && !(name in CONSTANTS)) {
        throw new AppError('BAD_INPUT', `expression: "${name}" is not defined; pass it in variables, e.g. {"${name}": 12.5}.`);
      }
    }
  });
}

/** Evaluates arithmetic on numbers the other tools returned, so the model never does sums in its head. */
export function evaluateArithmetic(expression: string, variables: Readonly<Record<string, number>>): number {
  if (expression.length > MAX_LENGTH) throw new AppError('BAD_INPUT', `expression: at most ${MAX_LENGTH} characters.`);
  let tree: MathNode;
  try {
    tree = math.parse(expression);
  } catch (error) {
    throw new AppError('BAD_INPUT', `expression: cannot read it (${error instanceof Error ? error.message : String(error)}).`);
  }
  checkTree(tree, variables);
  const value: unknown = tree.compile().evaluate({ ...CONSTANTS, ...variables });
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new AppError('BAD_INPUT', 'expression: the result is not a finite number (division by zero?).');
  return value;
}

export const calculateTool = defineTool({
  name: 'calculate',
  title: 'Calculate',
  description:
    'Arithmetic on numbers from other answers: + - * / ^ %, parentheses, and abs, round, floor, ceil, min, max, sqrt, exp, log, log10, pow, mean, median, sum, mod. Name numbers in variables and use the names in the expression, e.g. expression "(a - b) / b * 100" with variables {"a": 0.12, "b": 0.09}.',
  input: z
    .object({
      expression: z.string().min(1).max(MAX_LENGTH),
      variables: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,40}$/), z.number()).default({}),
    })
    .strict(),
  output: z.object({ ...outputMeta, expression: z.string(), result: z.number() }),
  annotations: READ_ONLY,
  async run(input) {
    const result = evaluateArithmetic(input.expression, input.variables);
    return { as_of: null, filters: { period: null, date_basis: null, platforms: [], stores: [] }, expression: input.expression, result };
  },
});
