-- DropIndex
DROP INDEX "cases_refunded_at_idx";

-- DropIndex
DROP INDEX "cases_requested_at_platform_status_idx";

-- CreateIndex
CREATE INDEX "cases_requested_at_kind_type_status_reason_store_id_platfor_idx" ON "cases"("requested_at", "kind", "type", "status", "reason", "store_id", "platform_order_id");

-- CreateIndex
CREATE INDEX "cases_refunded_at_currency_refunded_minor_idx" ON "cases"("refunded_at", "currency", "refunded_minor");
