-- DropIndex
DROP INDEX "order_lines_ordered_at_store_id_idx";

-- CreateIndex
CREATE INDEX "cases_platform_case_id_idx" ON "cases"("platform_case_id");

-- CreateIndex
CREATE INDEX "order_lines_ordered_at_store_id_seller_sku_quantity_order_i_idx" ON "order_lines"("ordered_at", "store_id", "seller_sku", "quantity", "order_id");
