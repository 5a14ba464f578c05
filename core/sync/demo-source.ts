import { AppError } from '../errors/app-error.ts';
import type { DemoScenario } from '../platforms/sandbox/demo-scenario.ts';

// Demo stores keep their scenario in `credentials_ref` ("demo:seed=42;cases=5000;anchor=…"): it is
// what the built-in sandboxes accept instead of credentials, and lets any later sync (or another
// instance) rebuild the same sandboxes without state in memory.
export function demoSourceRef(scenario: DemoScenario): string {
  return `demo:seed=${scenario.seed};cases=${scenario.cases};anchor=${scenario.anchor.toISOString()}`;
}

export function parseDemoSourceRef(ref: string | null | undefined): DemoScenario | null {
  if (!ref?.startsWith('demo:')) return null;
  const fields = Object.fromEntries(
    ref
      .slice(5)
      .split(';')
      .map((kv) => kv.split('=') as [string, string]),
  );
  const seed = Number(fields.seed);
  const cases = Number(fields.cases);
  const anchor = new Date(fields.anchor ?? '');
  if (!Number.isInteger(seed) || !Number.isInteger(cases) || Number.isNaN(anchor.getTime())) {
    throw new AppError('BAD_INPUT', `A demo store has a damaged demo reference (${ref}). Rebuild the demo with: helloword demo`);
  }
  return { seed, cases, anchor };
}
