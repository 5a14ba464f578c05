import { z } from 'zod';
import { DATE_BASES } from '../metrics/case-filters.ts';
import { PERIOD_PRESETS, PeriodOutput } from '../metrics/resolve-period.ts';

/** One word or a list of words: people write "amazon", models often write ["amazon"]. */
export const words = (description: string) =>
  z
    .union([z.string(), z.array(z.string()).max(50)])
    .optional()
    .describe(description);

export const toList = (value: string | string[] | undefined): string[] | undefined =>
  value === undefined ? undefined : (Array.isArray(value) ? value : value.split(',')).map((s) => s.trim()).filter(Boolean);

export const scopeInput = {
  platforms: words('Platforms to include: amazon, ebay, shopify, walmart, wish (also "Amazon", "AMZ"). All when omitted.'),
  stores: words('Store ids (as sync_status lists them) or store names. All stores when omitted.'),
};

export const periodInput = {
  period: z
    .enum(PERIOD_PRESETS)
    .optional()
    .describe('A named period in the team time zone. "last_7_days" is today and the six days before; weeks start on Monday.'),
  from: z.string().optional().describe('First day, YYYY-MM-DD in the team time zone (instead of period).'),
  to: z.string().optional().describe('Last day (inclusive), YYYY-MM-DD; today when omitted.'),
};

export const caseFilterInput = {
  ...scopeInput,
  kinds: words('Case kinds: return, refund, cancellation, inquiry, claim, chargeback (also "disputes" = claims and chargebacks, "退货", "纠纷").'),
  statuses: words(
    'Statuses: requested, approved, rejected, completed, cancelled, escalated; "pending" = requested or escalated (also "待处理", "已同意", "已完成", "已拒绝").',
  ),
  types: words('Types: refund_only, return_and_refund, replacement, exchange (also "仅退款", "退货退款").'),
  reasons: words('Reasons (the 17 unified ones, e.g. size_too_small, quality_defective) or groups: size, quality, shipping, change_of_mind.'),
  skus: words("The seller's SKUs (case-insensitive)."),
  assignees: words('Team members the cases are assigned to.'),
  order_id: z.string().optional().describe("The platform's order number."),
  text: z.string().max(200).optional().describe("Words to look for in the buyer's text, the raw reason and the case and order numbers."),
};

export const pagingInput = {
  limit: z.number().int().min(1).max(200).default(20).describe('Rows to return (default 20, at most 200).'),
  offset: z.number().int().min(0).default(0).describe('Rows to skip: use next_offset from the previous answer to get more.'),
};

export const ResolvedFilters = z.object({
  period: PeriodOutput.nullable(),
  date_basis: z.enum(DATE_BASES).nullable(),
  platforms: z.array(z.string()).describe('Platforms counted (empty = all)'),
  stores: z.array(z.string()).describe('Store ids counted'),
  kinds: z.array(z.string()).optional(),
  statuses: z.array(z.string()).optional(),
  types: z.array(z.string()).optional(),
  reasons: z.array(z.string()).optional(),
  skus: z.array(z.string()).optional(),
  assignees: z.array(z.string()).optional(),
  order_id: z.string().optional(),
  text: z.string().optional(),
});
export type ResolvedFilters = z.output<typeof ResolvedFilters>;

/** Fields every tool output carries. */
export const outputMeta = {
  as_of: z
    .string()
    .nullable()
    .describe('The data is complete up to this time: the oldest last successful sync of the stores counted (null if one never synced).'),
  filters: ResolvedFilters,
};

export const paging = {
  total: z.number().int().describe('How many rows match in all'),
  next_offset: z.number().int().nullable().describe('Pass as offset to get the next rows; null when this is the last page'),
};
