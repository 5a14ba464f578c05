import type { CaseFilters, DateBasis } from '../metrics/case-filters.ts';
import { dataAsOf } from '../metrics/data-as-of.ts';
import { knownSkus } from '../metrics/known-skus.ts';
import { type Period, type PeriodPreset, periodOutput, resolvePeriod } from '../metrics/resolve-period.ts';
import { resolveStores, type StoreScope } from '../metrics/resolve-stores.ts';
import type { ResolvedFilters } from './common-schemas.ts';
import { toList } from './common-schemas.ts';
import { parseKinds, parsePlatforms, parseReasons, parseStatuses, parseTypes } from './parse-filter-words.ts';
import type { ToolDeps } from './tool-definition.ts';

type Words = string | string[] | undefined;

export interface ScopeInput {
  platforms?: Words;
  stores?: Words;
  period?: PeriodPreset | undefined;
  from?: string | undefined;
  to?: string | undefined;
  kinds?: Words;
  statuses?: Words;
  types?: Words;
  reasons?: Words;
  skus?: Words;
  assignees?: Words;
  order_id?: string | undefined;
  text?: string | undefined;
}

/** Whether a tool counts within a period: always (a preset by default), only when one is given, or never. */
export type PeriodUse = 'always' | 'when-given' | 'never';

export interface ToolScope {
  scope: StoreScope;
  period: Period | undefined;
  filters: CaseFilters;
  /** The resolved filters and data freshness every output carries. */
  meta(dateBasis: DateBasis | null): Promise<{ as_of: string | null; filters: ResolvedFilters }>;
}

/**
 * Turns a tool's forgiving input (words, aliases, a period preset) into resolved filters:
 * stores that exist, SKUs as stored, the period as instants in the team time zone. The same
 * resolution for every tool is what makes two phrasings of a question give one number.
 */
export async function resolveToolScope(
  deps: ToolDeps,
  input: ScopeInput,
  options: { defaultPeriod?: PeriodPreset; period?: PeriodUse } = {},
): Promise<ToolScope> {
  const scope = await resolveStores(deps.sql, { platforms: parsePlatforms(toList(input.platforms)), stores: toList(input.stores) });
  const use = options.period ?? 'always';
  const given = input.period !== undefined || input.from !== undefined || input.to !== undefined;
  const usePeriod = use === 'always' || (use === 'when-given' && given);
  const period = usePeriod
    ? resolvePeriod({ preset: input.period, from: input.from, to: input.to }, deps.now(), deps.timeZone, options.defaultPeriod)
    : undefined;
  const skuWords = toList(input.skus);
  const filters: CaseFilters = {
    stores: scope.storeIds,
    kinds: parseKinds(toList(input.kinds)),
    statuses: parseStatuses(toList(input.statuses)),
    types: parseTypes(toList(input.types)),
    reasons: parseReasons(toList(input.reasons)),
    skus: skuWords ? await knownSkus(deps.sql, skuWords) : undefined,
    assignees: toList(input.assignees),
    orderId: input.order_id?.trim() || undefined,
    text: input.text?.trim() || undefined,
    period,
  };
  return {
    scope,
    period,
    filters,
    async meta(dateBasis) {
      const asOf = await dataAsOf(
        deps.sql,
        scope.stores.map((s) => s.id),
      );
      const optional = <K extends string, V>(k: K, v: V | undefined) => (v === undefined ? {} : { [k]: v });
      return {
        as_of: asOf?.toISOString() ?? null,
        filters: {
          period: period ? periodOutput(period) : null,
          date_basis: period ? dateBasis : null,
          platforms: scope.platforms,
          stores: scope.stores.map((s) => s.id),
          ...optional('kinds', filters.kinds ? [...filters.kinds] : undefined),
          ...optional('statuses', filters.statuses ? [...filters.statuses] : undefined),
          ...optional('types', filters.types ? [...filters.types] : undefined),
          ...optional('reasons', filters.reasons ? [...filters.reasons] : undefined),
          ...optional('skus', filters.skus ? [...filters.skus] : undefined),
          ...optional('assignees', filters.assignees ? [...filters.assignees] : undefined),
          ...optional('order_id', filters.orderId),
          ...optional('text', filters.text),
        },
      };
    },
  };
}

/** For tools that always count within a period: the same resolution, with the period never absent. */
export async function resolveToolScopeInPeriod(
  deps: ToolDeps,
  input: ScopeInput,
  options: { defaultPeriod?: PeriodPreset } = {},
): Promise<ToolScope & { period: Period }> {
  const scope = await resolveToolScope(deps, input, { ...options, period: 'always' });
  if (!scope.period) throw new Error('a period is always resolved when asked for');
  return { ...scope, period: scope.period };
}
