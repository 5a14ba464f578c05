// The two GraphQL documents the connector sends. Field names as the Admin API (2026-01) spells
// them. Nested lists are capped; an order with more lines, returns or refunds than these caps is
// read incompletely (the connector logs it when a nested page says there is more).

const MONEY = 'shopMoney { amount currencyCode }';

export const ORDERS_OPERATION = 'HelloWordOrders';

/**
 * Orders changed since the window start, oldest change first, with what after-sales needs of
 * each: its lines (the denominators), its returns with their lines, its refunds (and which return
 * each belongs to), and its cancellation.
 */
export const ORDERS_QUERY = `query ${ORDERS_OPERATION}($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id
      name
      createdAt
      updatedAt
      cancelledAt
      cancelReason
      currencyCode
      displayFulfillmentStatus
      customer { id }
      totalPriceSet { ${MONEY} }
      lineItems(first: 20) {
        pageInfo { hasNextPage }
        nodes { id sku quantity originalTotalSet { ${MONEY} } }
      }
      returns(first: 5) {
        pageInfo { hasNextPage }
        nodes {
          id
          name
          status
          createdAt
          requestApprovedAt
          closedAt
          totalQuantity
          decline { reason note }
          returnLineItems(first: 10) {
            nodes {
              ... on ReturnLineItem {
                id
                quantity
                returnReason
                returnReasonDefinition { handle }
                returnReasonNote
                customerNote
                withCodeDiscountedTotalPriceSet { ${MONEY} }
                fulfillmentLineItem { lineItem { id sku } }
              }
            }
          }
        }
      }
      refunds(first: 10) {
        id
        createdAt
        note
        return { id }
        totalRefundedSet { ${MONEY} }
        refundLineItems(first: 10) {
          nodes { quantity lineItem { id sku } subtotalSet { ${MONEY} } }
        }
      }
    }
  }
}`;

export const DISPUTES_OPERATION = 'HelloWordDisputes';

/** Shopify Payments disputes (chargebacks and inquiries) initiated since the window start. */
export const DISPUTES_QUERY = `query ${DISPUTES_OPERATION}($first: Int!, $after: String, $query: String) {
  disputes(first: $first, after: $after, query: $query) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id
      status
      type
      amount { amount currencyCode }
      reasonDetails { reason networkReasonCode }
      initiatedAt
      evidenceDueBy
      evidenceSentOn
      finalizedOn
      order { id }
    }
  }
}`;
