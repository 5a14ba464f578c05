import type { CaseKind, CaseStatus, CaseType, Platform, Reason } from '../../domain/taxonomy.ts';
import { DEFECT_SPIKE_SKU, DEMO_CATALOG, type DemoCategory, type DemoSku, demoSku, TOO_SMALL_SKU } from './demo-catalog.ts';
import { DEMO_STORES, type DemoStore } from './demo-stores.ts';
import { below, hashString, unit, weighted } from './prng.ts';

/**
 * The demo scenario: what the built-in platform sandboxes hold. Every order and case is a pure
 * function of (seed, store, index), so any page of any size of store is generated on demand and
 * a test can compute the ground truth the same way. `cases` scales it without changing its shape.
 */
export interface DemoScenario {
  seed: number;
  /** "Today" of the demo; data covers the DAYS before it. */
  anchor: Date;
  cases: number;
  /**
   * Orders per after-sales case (default 6: about one order in six has a return, refund,
   * cancellation, inquiry or dispute, and the refund rate lands near 10%). The query benchmark
   * may lower it to reach its order-line count; that changes the rates, not the findings.
   */
  ordersPerCase?: number;
}

export const DAYS = 180;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const DEFAULT_ORDERS_PER_CASE = 6;
/** Demo exchange rates into USD (the FX table of the demo ships the same). */
export const DEMO_USD_PER: Readonly<Record<string, number>> = { USD: 1, EUR: 1.087, GBP: 1.266 };
export const DEMO_AGENTS = ['mia', 'leo', 'ana', 'sam'] as const;
/** Planted: this agent takes several days to decide where the others take hours. */
export const SLOW_AGENT = 'sam';
/** Planted: the store with a burst of A-to-z claims in the last ten days. */
export const CLAIM_BURST_STORE = 'demo-amazon-us';

export interface StorePlan {
  scenario: DemoScenario;
  store: DemoStore;
  key: number;
  cases: number;
  orders: number;
  startMs: number;
  endMs: number;
  skus: readonly DemoSku[];
}

export function planStore(scenario: DemoScenario, store: DemoStore): StorePlan {
  const cases = Math.max(1, Math.round(scenario.cases * store.share));
  const endMs = scenario.anchor.getTime();
  const key = hashString(`${scenario.seed}:${store.id}`);
  // Each store lists most of the catalogue; the planted SKUs are listed everywhere.
  const skus = DEMO_CATALOG.filter((s) => s.sellerSku === TOO_SMALL_SKU || s.sellerSku === DEFECT_SPIKE_SKU || unit(key, hashString(s.sellerSku)) < 0.8);
  return {
    scenario,
    store,
    key,
    cases,
    orders: Math.round(cases * (scenario.ordersPerCase ?? DEFAULT_ORDERS_PER_CASE)),
    startMs: endMs - DAYS * DAY,
    endMs,
    skus,
  };
}

/** The plans of one platform's demo stores, as its sandbox looks them up by store id. */
export function platformPlans(
  scenario: DemoScenario,
  stores: readonly DemoStore[],
  platform: Platform,
): { has(storeId: string): boolean; get(storeId: string): StorePlan } {
  const plans = new Map(stores.filter((s) => s.platform === platform).map((s) => [s.id, planStore(scenario, s)]));
  return {
    has: (storeId) => plans.has(storeId),
    get(storeId) {
      const p = plans.get(storeId);
      if (!p) throw new Error(`no ${platform} demo store ${storeId}`);
      return p;
    },
  };
}

export function planDemo(scenario: DemoScenario): StorePlan[] {
  return DEMO_STORES.map((s) => planStore(scenario, s));
}

export interface TruthOrderLine {
  lineId: string;
  sellerSku: string;
  quantity: number;
  amountMinor: number;
}

export interface TruthOrder {
  index: number;
  platformOrderId: string;
  orderedAt: Date;
  currency: string;
  lines: TruthOrderLine[];
  totalMinor: number;
}

// Orders whose index is ≡ 5 (mod 89) carry the too-small SKU, ≡ 13 (mod 47) the spiking one:
// a rule that can be inverted, so cases can be routed to those orders without a search.
const TOO_SMALL_MOD = [89, 5] as const;
const SPIKE_MOD = [47, 13] as const;

const localMinor = (usdMinor: number, currency: string) => Math.round(usdMinor / (DEMO_USD_PER[currency] ?? 1));

/** When order j of a store was placed; increases with j, so a time window is an index range. */
export function orderTime(plan: StorePlan, j: number): number {
  return plan.startMs + Math.floor(((j + unit(plan.key, 1, j)) / plan.orders) * (plan.endMs - plan.startMs));
}

/** The first order placed at or after `ms`: a binary search, since order times rise with the index. */
export function firstOrderAtOrAfter(plan: StorePlan, ms: number): number {
  let lo = 0;
  let hi = plan.orders;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (orderTime(plan, mid) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function platformOrderId(platform: Platform, key: number, j: number): string {
  const n = String(1_000_000 + j).padStart(7, '0');
  switch (platform) {
    case 'amazon':
      return `11${below(9, key, j) + 1}-${String(below(9_999_999, key, 2, j)).padStart(7, '0')}-${n}`;
    case 'ebay':
      return `${String(10 + below(89, key, j))}-${String(below(99_999, key, 2, j)).padStart(5, '0')}-${n.slice(-5)}`;
    case 'shopify':
      return `gid://shopify/Order/${5_000_000_000 + j}`;
    case 'walmart':
      return `2000${String(j).padStart(11, '0')}`;
    case 'wish':
      return `5e8b${(key >>> 0).toString(16).padStart(8, '0')}${j.toString(16).padStart(12, '0')}`;
  }
}

export function demoOrder(plan: StorePlan, j: number): TruthOrder {
  const { key } = plan;
  const lineCount = weighted(
    [
      [1, 75],
      [2, 20],
      [3, 5],
    ],
    key,
    3,
    j,
  );
  const lines: TruthOrderLine[] = [];
  for (let k = 0; k < lineCount; k++) {
    let sku: DemoSku;
    if (k === 0 && j % TOO_SMALL_MOD[0] === TOO_SMALL_MOD[1]) sku = demoSku(TOO_SMALL_SKU);
    else if (k === 0 && j % SPIKE_MOD[0] === SPIKE_MOD[1]) sku = demoSku(DEFECT_SPIKE_SKU);
    else sku = plan.skus[Math.floor(plan.skus.length * unit(key, 4, j, k) ** 2)] ?? demoSku(TOO_SMALL_SKU);
    const quantity = weighted(
      [
        [1, 85],
        [2, 12],
        [3, 3],
      ],
      key,
      5,
      j,
      k,
    );
    lines.push({ lineId: `${j}-${k + 1}`, sellerSku: sku.sellerSku, quantity, amountMinor: localMinor(sku.priceUsdMinor, plan.store.currency) * quantity });
  }
  return {
    index: j,
    platformOrderId: platformOrderId(plan.store.platform, key, j),
    orderedAt: new Date(orderTime(plan, j)),
    currency: plan.store.currency,
    lines,
    totalMinor: lines.reduce((s, l) => s + l.amountMinor, 0),
  };
}

export interface TruthCase {
  index: number;
  kind: CaseKind;
  platformCaseId: string;
  type: CaseType;
  status: CaseStatus;
  reason: Reason;
  /** The platform's own reason code is generic; only the customer's words say what happened. */
  reasonInTextOnly: boolean;
  customerText: string | null;
  order: TruthOrder;
  line: TruthOrderLine;
  requestedAt: Date;
  decidedAt: Date | null;
  closedAt: Date | null;
  refundedAt: Date | null;
  respondBy: Date | null;
  currency: string;
  requestedMinor: number;
  refundedMinor: number | null;
  assignee: string | null;
}

const KINDS: Readonly<Record<Platform, readonly (readonly [CaseKind, number])[]>> = {
  amazon: [
    ['return', 55],
    ['refund', 15],
    ['cancellation', 14],
    ['claim', 10],
    ['chargeback', 6],
  ],
  ebay: [
    ['return', 58],
    ['cancellation', 15],
    ['inquiry', 17],
    ['claim', 5],
    ['chargeback', 5],
  ],
  shopify: [
    ['return', 60],
    ['refund', 20],
    ['cancellation', 15],
    ['chargeback', 5],
  ],
  walmart: [
    ['return', 85],
    ['cancellation', 15],
  ],
  wish: [
    ['refund', 80],
    ['inquiry', 20],
  ],
};

const RETURN_REASONS: Readonly<Record<DemoCategory | 'too_small_sku', readonly (readonly [Reason, number])[]>> = {
  apparel: [
    ['size_too_small', 18],
    ['size_too_large', 16],
    ['size_fit', 10],
    ['quality_defective', 12],
    ['not_as_described', 10],
    ['no_longer_needed', 15],
    ['wrong_item', 4],
    ['ordered_by_mistake', 5],
    ['better_price', 3],
    ['damaged_in_transit', 3],
    ['other', 4],
  ],
  electronics: [
    ['quality_defective', 30],
    ['not_as_described', 15],
    ['damaged_in_transit', 10],
    ['missing_parts', 8],
    ['no_longer_needed', 13],
    ['ordered_by_mistake', 7],
    ['better_price', 6],
    ['wrong_item', 4],
    ['arrived_late', 4],
    ['counterfeit', 2],
    ['other', 3],
  ],
  home: [
    ['damaged_in_transit', 35],
    ['quality_defective', 15],
    ['not_as_described', 12],
    ['no_longer_needed', 15],
    ['wrong_item', 5],
    ['missing_parts', 5],
    ['ordered_by_mistake', 5],
    ['other', 8],
  ],
  too_small_sku: [
    ['size_too_small', 68],
    ['size_too_large', 5],
    ['size_fit', 7],
    ['quality_defective', 8],
    ['no_longer_needed', 7],
    ['other', 5],
  ],
};
const OTHER_REASONS: Readonly<Record<'cancellation' | 'inquiry' | 'claim' | 'chargeback', readonly (readonly [Reason, number])[]>> = {
  cancellation: [
    ['ordered_by_mistake', 35],
    ['no_longer_needed', 30],
    ['better_price', 15],
    ['seller_cannot_fulfil', 12],
    ['arrived_late', 8],
  ],
  inquiry: [
    ['not_received', 75],
    ['arrived_late', 25],
  ],
  claim: [
    ['not_received', 50],
    ['not_as_described', 25],
    ['quality_defective', 20],
    ['counterfeit', 5],
  ],
  chargeback: [
    ['fraud_unauthorized', 55],
    ['not_received', 30],
    ['not_as_described', 15],
  ],
};

const SMALL_WORDS = ['Runs small', 'Way too small, I need a size up', '偏小，建议买大一码', '尺码小了', 'too tight across the chest', '太小了'];
const WORDS: Partial<Record<Reason, readonly string[]>> = {
  size_too_small: SMALL_WORDS,
  size_too_large: ['Much too big', '偏大', 'Runs large, order a size down'],
  quality_defective: ['Stopped working after two days', '质量差', 'zip broken'],
  damaged_in_transit: ['Box was crushed, mug arrived broken', '外包装破损'],
  not_as_described: ['Not as pictured', '与描述不符'],
  no_longer_needed: ['Changed my mind', '不想要了'],
  wrong_item: ['You sent the wrong color', '发错货了'],
  not_received: ['Package never arrived', '一直没收到'],
};

function caseId(platform: Platform, kind: CaseKind, key: number, i: number): string {
  switch (platform) {
    case 'amazon':
      return kind === 'return'
        ? `D${(key % 1296).toString(36).toUpperCase()}${i.toString(36).toUpperCase().padStart(6, '0')}RRMA`
        : `AMZ-${kind.toUpperCase()}-${i}`;
    case 'ebay':
      return String(5_300_000_000 + i);
    case 'shopify':
      return kind === 'chargeback' ? `gid://shopify/ShopifyPaymentsDispute/${90_000_000 + i}` : `gid://shopify/Return/${945_000_000 + i}`;
    case 'walmart':
      return `1012${String(i).padStart(11, '0')}`;
    case 'wish':
      return `6a1f${(key >>> 0).toString(16).padStart(8, '0')}${i.toString(16).padStart(12, '0')}`;
  }
}

/** Orders placed at least this long before the anchor can have cases (a case needs time to happen). */
const MIN_AGE_MS = 3 * DAY;

function eligibleOrders(plan: StorePlan): number {
  return Math.max(1, Math.floor(plan.orders * ((plan.endMs - MIN_AGE_MS - plan.startMs) / (plan.endMs - plan.startMs))));
}

/** The j-th order in `[fromJ, toJ)` whose index is ≡ r (mod m); falls back to fromJ when none. */
function routed(mod: readonly [number, number], fromJ: number, toJ: number, pick: number): number {
  const first = fromJ + ((mod[1] - (fromJ % mod[0]) + mod[0]) % mod[0]);
  const count = first < toJ ? Math.floor((toJ - 1 - first) / mod[0]) + 1 : 0;
  return count > 0 ? first + mod[0] * Math.floor(pick * count) : fromJ;
}

export function demoCase(plan: StorePlan, i: number): TruthCase {
  const { key, store } = plan;
  const platform = store.platform;
  const eligible = eligibleOrders(plan);
  const orderIndexAt = (ms: number) => Math.max(0, Math.min(eligible - 1, Math.floor(((ms - plan.startMs) / (plan.endMs - plan.startMs)) * plan.orders)));

  // Route some cases to the planted SKUs' orders; the rest land on any order.
  let j: number;
  const route = i % 100;
  // The buyer's delay is drawn first and the order among those old enough for it, so cases
  // do not pile up just before "now" (a real store has not heard of next week's returns yet).
  // The planted defect spike alone is meant to crowd the last two weeks.
  const delayMs = DAY + Math.floor(unit(key, 14, i) * 29 * DAY);
  const oldEnough = Math.max(1, Math.min(eligible, orderIndexAt(plan.endMs - HOUR - delayMs) + 1));
  if (route === 7) j = routed(TOO_SMALL_MOD, 0, oldEnough, unit(key, 10, i));
  else if (route === 11 || route === 61) j = routed(SPIKE_MOD, orderIndexAt(plan.endMs - 16 * DAY), eligible, unit(key, 11, i));
  else j = below(oldEnough, key, 12, i);
  const order = demoOrder(plan, j);
  const line = order.lines[below(order.lines.length, key, 13, i)] ?? order.lines[0];
  if (!line) throw new Error('demo order without lines');

  const orderedMs = order.orderedAt.getTime();
  const room = Math.max(HOUR, plan.endMs - HOUR - orderedMs);
  const requestedMs = orderedMs + Math.min(room, delayMs);
  const recent = plan.endMs - requestedMs;

  let kindOptions = KINDS[platform];
  if (store.id === CLAIM_BURST_STORE && recent < 10 * DAY) kindOptions = kindOptions.map(([k, w]) => [k, k === 'claim' ? w * 6 : w] as const);
  const kind = weighted(kindOptions, key, 15, i);

  const sku = demoSku(line.sellerSku);
  let reason: Reason;
  if (kind === 'return' || kind === 'refund') {
    if (sku.sellerSku === DEFECT_SPIKE_SKU && (route === 11 || route === 61)) reason = unit(key, 16, i) < 0.85 ? 'quality_defective' : 'not_as_described';
    else reason = weighted(sku.sellerSku === TOO_SMALL_SKU ? RETURN_REASONS.too_small_sku : RETURN_REASONS[sku.category], key, 17, i);
  } else reason = weighted(OTHER_REASONS[kind], key, 18, i);

  const reasonInTextOnly = reason === 'size_too_small' && sku.sellerSku === TOO_SMALL_SKU && unit(key, 19, i) < 0.35;
  const words = WORDS[reason];
  const customerText = reasonInTextOnly
    ? (SMALL_WORDS[below(SMALL_WORDS.length, key, 20, i)] ?? 'Runs small')
    : words && unit(key, 21, i) < 0.3
      ? (words[below(words.length, key, 22, i)] ?? null)
      : null;

  const type: CaseType =
    kind === 'return'
      ? weighted<CaseType>(
          [
            ['return_and_refund', 90],
            ['replacement', 7],
            ['exchange', 3],
          ],
          key,
          23,
          i,
        )
      : 'refund_only';

  const ageDays = recent / DAY;
  let status: CaseStatus;
  if (kind === 'claim' || kind === 'chargeback')
    status =
      ageDays < 7
        ? 'escalated'
        : weighted<CaseStatus>(
            [
              ['completed', 80],
              ['rejected', 20],
            ],
            key,
            24,
            i,
          );
  else if (ageDays < 2)
    status = weighted<CaseStatus>(
      [
        ['requested', 70],
        ['approved', 30],
      ],
      key,
      24,
      i,
    );
  else if (ageDays < 10)
    status = weighted<CaseStatus>(
      [
        ['requested', 20],
        ['approved', 40],
        ['completed', 30],
        ['rejected', 5],
        ['cancelled', 5],
      ],
      key,
      24,
      i,
    );
  else
    status = weighted<CaseStatus>(
      [
        ['completed', 75],
        ['rejected', 8],
        ['cancelled', 7],
        ['approved', 5],
        ['escalated', 5],
      ],
      key,
      24,
      i,
    );

  const assignee = status === 'requested' ? null : (DEMO_AGENTS[below(DEMO_AGENTS.length, key, 25, i)] ?? null);
  const handlingMs = assignee === SLOW_AGENT ? (72 + unit(key, 26, i) * 72) * HOUR : (2 + unit(key, 26, i) * 28) * HOUR;
  // A step that would land after "now" lands somewhere between the previous step and now
  // instead — spread out, not all on the last millisecond (a platform paging by update time,
  // such as Wish, cannot page through thousands of records on one instant).
  const byNow = (ms: number, after: number) => (ms < plan.endMs ? ms : after + Math.floor((plan.endMs - 1 - after) * unit(key, 29, i)));
  const decidedMs = assignee ? byNow(requestedMs + handlingMs, requestedMs) : null;
  const closes = status === 'completed' || status === 'rejected' || status === 'cancelled';
  const closedMs = closes && decidedMs !== null ? byNow(decidedMs + (1 + unit(key, 27, i) * 6) * DAY, decidedMs) : null;
  const requestedMinor = line.amountMinor;
  const refunded = status === 'completed' && kind !== 'inquiry';
  const refundedMinor = refunded ? (unit(key, 28, i) < 0.9 ? requestedMinor : Math.round(requestedMinor / 2)) : null;

  return {
    index: i,
    kind,
    platformCaseId: caseId(platform, kind, key, i),
    type,
    status,
    reason,
    reasonInTextOnly,
    customerText,
    order,
    line,
    requestedAt: new Date(requestedMs),
    decidedAt: decidedMs === null ? null : new Date(decidedMs),
    closedAt: closedMs === null ? null : new Date(closedMs),
    refundedAt: refunded && closedMs !== null ? new Date(closedMs) : null,
    respondBy: kind === 'claim' || kind === 'chargeback' ? new Date(requestedMs + 7 * DAY) : null,
    currency: store.currency,
    requestedMinor,
    refundedMinor,
    assignee,
  };
}
