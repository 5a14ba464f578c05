import { parsePlatform } from '../domain/parse-platform.ts';
import {
  CASE_KINDS,
  CASE_STATUSES,
  CASE_TYPES,
  type CaseKind,
  type CaseStatus,
  type CaseType,
  PLATFORMS,
  type Platform,
  REASONS,
  type Reason,
  SIZE_REASONS,
} from '../domain/taxonomy.ts';
import { AppError } from '../errors/app-error.ts';

// People (and models) type "Amazon", "AMZ", "pending", "待处理", "size" or "Too Small". These
// tables turn such words into the unified vocabulary; anything else is an error that lists
// the words we know.

const key = (word: string) =>
  word
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

function parseWords<T extends string>(
  field: string,
  words: readonly string[] | undefined,
  known: readonly T[],
  aliases: Readonly<Record<string, readonly T[]>>,
): T[] | undefined {
  if (!words || words.length === 0) return undefined;
  const out = new Set<T>();
  for (const word of words) {
    const k = key(word);
    const found = (known as readonly string[]).includes(k) ? [k as T] : (aliases[k] ?? aliases[word.trim()]);
    if (!found) {
      throw new AppError(
        'BAD_INPUT',
        `${field}: "${word}" is not one we know; use ${[...known, ...Object.keys(aliases).filter((a) => /^[a-z_]+$/.test(a))].join(', ')}.`,
      );
    }
    for (const f of found) out.add(f);
  }
  return [...out];
}

export function parsePlatforms(words: readonly string[] | undefined): Platform[] | undefined {
  if (!words || words.length === 0) return undefined;
  return [
    ...new Set(
      words.map((w) => {
        const p = parsePlatform(w);
        if (!p) throw new AppError('BAD_INPUT', `platforms: "${w}" is not a platform HelloWord syncs; use ${PLATFORMS.join(', ')}.`);
        return p;
      }),
    ),
  ];
}

const STATUS_ALIASES: Record<string, readonly CaseStatus[]> = {
  pending: ['requested', 'escalated'],
  open: ['requested', 'approved', 'escalated'],
  closed: ['completed', 'rejected', 'cancelled'],
  declined: ['rejected'],
  refunded: ['completed'],
  待处理: ['requested', 'escalated'],
  已同意: ['approved'],
  已完成: ['completed'],
  已拒绝: ['rejected'],
  已取消: ['cancelled'],
};
export const parseStatuses = (words: readonly string[] | undefined) => parseWords('statuses', words, CASE_STATUSES, STATUS_ALIASES);

const KIND_ALIASES: Record<string, readonly CaseKind[]> = {
  returns: ['return'],
  refunds: ['refund'],
  cancellations: ['cancellation'],
  cancel: ['cancellation'],
  inquiries: ['inquiry'],
  claims: ['claim'],
  a_to_z: ['claim'],
  atoz: ['claim'],
  chargebacks: ['chargeback'],
  dispute: ['claim', 'chargeback'],
  disputes: ['claim', 'chargeback'],
  退货: ['return'],
  退款: ['refund'],
  取消: ['cancellation'],
  纠纷: ['claim', 'chargeback'],
};
export const parseKinds = (words: readonly string[] | undefined) => parseWords('kinds', words, CASE_KINDS, KIND_ALIASES);

const TYPE_ALIASES: Record<string, readonly CaseType[]> = {
  refund: ['refund_only'],
  return_refund: ['return_and_refund'],
  仅退款: ['refund_only'],
  退货退款: ['return_and_refund'],
  换货: ['exchange'],
};
export const parseTypes = (words: readonly string[] | undefined) => parseWords('types', words, CASE_TYPES, TYPE_ALIASES);

/** Reason groups a person asks about; "size" is the three size reasons (DESIGN). */
export const REASON_GROUPS: Readonly<Record<string, readonly Reason[]>> = {
  size: SIZE_REASONS,
  quality: ['quality_defective', 'not_as_described', 'missing_parts', 'counterfeit'],
  shipping: ['damaged_in_transit', 'arrived_late', 'not_received', 'wrong_item'],
  change_of_mind: ['no_longer_needed', 'ordered_by_mistake', 'better_price'],
};
const REASON_ALIASES: Record<string, readonly Reason[]> = {
  ...REASON_GROUPS,
  too_small: ['size_too_small'],
  too_large: ['size_too_large'],
  too_big: ['size_too_large'],
  defective: ['quality_defective'],
  damaged: ['damaged_in_transit'],
  fraud: ['fraud_unauthorized'],
  尺码: SIZE_REASONS,
  偏小: ['size_too_small'],
  偏大: ['size_too_large'],
  质量: ['quality_defective'],
  破损: ['damaged_in_transit'],
  未收到: ['not_received'],
};
export const parseReasons = (words: readonly string[] | undefined) => parseWords('reasons', words, REASONS, REASON_ALIASES);
