/**
 * What each number means, written once. The same words go into the tool descriptions, the MCP
 * resource of metric definitions and the answers, so a person and a model read one definition.
 */
export const DEFINITIONS = {
  refund_rate_units:
    'Refund rate by units = units in return or refund cases that were not rejected or cancelled (and are not replacements or exchanges) ÷ units sold. By request date (default): cases opened in the period ÷ units ordered in the period. By order date: of the units ordered in the period, the share later refunded (recent periods look low until their returns arrive).',
  refund_rate_orders: 'Refund rate by orders = orders with at least one such return or refund case ÷ orders placed, on the same date basis as the units rate.',
  pending:
    'Pending = cases waiting for the seller right now: status requested (a decision is due) or escalated (a claim, dispute or chargeback needs a response). Not limited to a period.',
  dispute_rate: 'Dispute rate = claims (Amazon A-to-z, eBay cases) and chargebacks opened in the period ÷ orders placed in the period.',
  refunded_amount:
    'Refunded amount = money returned to buyers, by the date it was refunded, converted into the reporting currency with the rate of that day; amounts with no rate are listed in their own currency.',
  reason_distribution: 'Reason distribution = cases opened in the period by unified reason; "size" is the three size reasons (too small, too large, fit).',
  handling_time: 'Handling time = from the buyer opening the case to the seller deciding it (approved or rejected), for cases with an assignee and a decision.',
  resolution_rate: 'Resolution rate = cases closed (completed, rejected or cancelled) ÷ cases handled; approval rate = approved or completed ÷ decided.',
  escalations: 'Escalations = cases that became claims, disputes or chargebacks, or whose status is escalated.',
  satisfaction:
    'Satisfaction: none of the five platforms gives a per-case satisfaction score through the APIs HelloWord reads, so it is reported as not available rather than guessed.',
  sku_refund_rate:
    'SKU refund rate = refunded units of the SKU (cases opened in the period) ÷ units of the SKU sold in the period; SKUs below the minimum units sold are left out so one return of one sale does not top the list.',
} as const;
export type DefinitionName = keyof typeof DEFINITIONS;

/** Case kinds and statuses that count as money going back for the refund rate. */
export const REFUND_KINDS = ['return', 'refund'] as const;
export const REFUND_TYPES = ['refund_only', 'return_and_refund'] as const;
export const NOT_REFUNDED_STATUSES = ['rejected', 'cancelled'] as const;
export const PENDING_STATUSES = ['requested', 'escalated'] as const;
export const DISPUTE_KINDS = ['claim', 'chargeback'] as const;

/** The SQL condition (cases aliased `c`) for "this case is a refund" in the sense of the refund rate. */
export const IS_REFUND_SQL = `c."kind" IN ('return', 'refund') AND c."type" IN ('refund_only', 'return_and_refund') AND c."status" NOT IN ('rejected', 'cancelled')`;
