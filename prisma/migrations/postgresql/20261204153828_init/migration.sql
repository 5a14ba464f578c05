-- CreateTable
CREATE TABLE "stores" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "marketplace" TEXT,
    "currency" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "credentials_ref" TEXT,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "sync_interval_minutes" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "stores_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "skus" (
    "id" SERIAL NOT NULL,
    "store_id" TEXT NOT NULL,
    "platform_listing_id" TEXT NOT NULL,
    "seller_sku" TEXT NOT NULL,
    "title" TEXT,
    "category" TEXT,
    "variant" TEXT,
    "size" TEXT,
    "color" TEXT,
    "content_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "skus_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "orders" (
    "id" SERIAL NOT NULL,
    "store_id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "platform_order_id" TEXT NOT NULL,
    "ordered_at" TIMESTAMP(3) NOT NULL,
    "raw_status" TEXT,
    "currency" TEXT NOT NULL,
    "total_minor" BIGINT NOT NULL,
    "units" INTEGER NOT NULL,
    "buyer_key" TEXT,
    "content_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_lines" (
    "id" SERIAL NOT NULL,
    "order_id" INTEGER NOT NULL,
    "store_id" TEXT NOT NULL,
    "platform_line_id" TEXT NOT NULL,
    "seller_sku" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "ordered_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "order_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cases" (
    "id" SERIAL NOT NULL,
    "store_id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "platform_case_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "raw_status" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "raw_reason" TEXT,
    "customer_text" TEXT,
    "reason_source" TEXT NOT NULL,
    "platform_order_id" TEXT,
    "requested_at" TIMESTAMP(3) NOT NULL,
    "decided_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),
    "refunded_at" TIMESTAMP(3),
    "respond_by" TIMESTAMP(3),
    "currency" TEXT NOT NULL,
    "requested_minor" BIGINT,
    "refunded_minor" BIGINT,
    "assignee" TEXT,
    "buyer_key" TEXT,
    "deep_link" TEXT,
    "content_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_lines" (
    "id" SERIAL NOT NULL,
    "case_id" INTEGER NOT NULL,
    "line_key" TEXT NOT NULL,
    "seller_sku" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "amount_minor" BIGINT,
    "currency" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "requested_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "case_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_events" (
    "id" SERIAL NOT NULL,
    "case_id" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "type" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "from_value" TEXT,
    "to_value" TEXT,
    "detail" JSONB,

    CONSTRAINT "case_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notes" (
    "id" SERIAL NOT NULL,
    "case_id" INTEGER NOT NULL,
    "author" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'helloword',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "members" (
    "id" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "refund_limit_minor" BIGINT,
    "limit_currency" TEXT,
    "slack_user_id" TEXT,
    "discord_user_id" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sync_cursors" (
    "store_id" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "cursor" TEXT,
    "watermark" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sync_cursors_pkey" PRIMARY KEY ("store_id","resource")
);

-- CreateTable
CREATE TABLE "sync_runs" (
    "id" SERIAL NOT NULL,
    "store_id" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "finished_at" TIMESTAMP(3),
    "status" TEXT NOT NULL,
    "pages" INTEGER NOT NULL DEFAULT 0,
    "fetched" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "unmapped" INTEGER NOT NULL DEFAULT 0,
    "unmapped_values" JSONB,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "rate_limit_waits" INTEGER NOT NULL DEFAULT 0,
    "duration_ms" INTEGER,

    CONSTRAINT "sync_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "locks" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "locks_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "proposals" (
    "id" TEXT NOT NULL,
    "store_id" TEXT NOT NULL,
    "case_id" INTEGER,
    "action" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "amount_minor" BIGINT,
    "currency" TEXT,
    "status" TEXT NOT NULL,
    "checks" JSONB NOT NULL,
    "proposed_by" TEXT NOT NULL,
    "proposed_via" TEXT NOT NULL,
    "rule_id" TEXT,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "decided_by" TEXT,
    "decided_at" TIMESTAMP(3),
    "executed_at" TIMESTAMP(3),
    "platform_result" JSONB,
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "proposals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "proposal_id" TEXT,
    "case_id" INTEGER,
    "store_id" TEXT,
    "detail" JSONB,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "automation_rules" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "conditions" JSONB NOT NULL,
    "action" JSONB NOT NULL,
    "created_by" TEXT NOT NULL,
    "last_run_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "automation_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "digest_subscriptions" (
    "id" TEXT NOT NULL,
    "surface" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "schedule" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_by" TEXT NOT NULL,
    "last_sent_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "digest_subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fx_rates" (
    "day" TEXT NOT NULL,
    "base" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "rate" DOUBLE PRECISION NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'demo',

    CONSTRAINT "fx_rates_pkey" PRIMARY KEY ("base","quote","day")
);

-- CreateTable
CREATE TABLE "conversation_threads" (
    "id" TEXT NOT NULL,
    "surface" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "member_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "conversation_threads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversation_messages" (
    "id" SERIAL NOT NULL,
    "thread_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conversation_messages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "stores_platform_idx" ON "stores"("platform");

-- CreateIndex
CREATE INDEX "skus_seller_sku_idx" ON "skus"("seller_sku");

-- CreateIndex
CREATE UNIQUE INDEX "skus_store_id_platform_listing_id_key" ON "skus"("store_id", "platform_listing_id");

-- CreateIndex
CREATE INDEX "orders_ordered_at_platform_idx" ON "orders"("ordered_at", "platform");

-- CreateIndex
CREATE INDEX "orders_store_id_ordered_at_idx" ON "orders"("store_id", "ordered_at");

-- CreateIndex
CREATE UNIQUE INDEX "orders_store_id_platform_order_id_key" ON "orders"("store_id", "platform_order_id");

-- CreateIndex
CREATE INDEX "order_lines_seller_sku_ordered_at_idx" ON "order_lines"("seller_sku", "ordered_at");

-- CreateIndex
CREATE INDEX "order_lines_ordered_at_store_id_idx" ON "order_lines"("ordered_at", "store_id");

-- CreateIndex
CREATE UNIQUE INDEX "order_lines_order_id_platform_line_id_key" ON "order_lines"("order_id", "platform_line_id");

-- CreateIndex
CREATE INDEX "cases_requested_at_platform_status_idx" ON "cases"("requested_at", "platform", "status");

-- CreateIndex
CREATE INDEX "cases_store_id_requested_at_idx" ON "cases"("store_id", "requested_at");

-- CreateIndex
CREATE INDEX "cases_status_kind_idx" ON "cases"("status", "kind");

-- CreateIndex
CREATE INDEX "cases_assignee_requested_at_idx" ON "cases"("assignee", "requested_at");

-- CreateIndex
CREATE INDEX "cases_refunded_at_idx" ON "cases"("refunded_at");

-- CreateIndex
CREATE INDEX "cases_store_id_platform_order_id_idx" ON "cases"("store_id", "platform_order_id");

-- CreateIndex
CREATE UNIQUE INDEX "cases_store_id_platform_case_id_kind_key" ON "cases"("store_id", "platform_case_id", "kind");

-- CreateIndex
CREATE INDEX "case_lines_seller_sku_reason_requested_at_idx" ON "case_lines"("seller_sku", "reason", "requested_at");

-- CreateIndex
CREATE INDEX "case_lines_requested_at_reason_idx" ON "case_lines"("requested_at", "reason");

-- CreateIndex
CREATE UNIQUE INDEX "case_lines_case_id_line_key_key" ON "case_lines"("case_id", "line_key");

-- CreateIndex
CREATE INDEX "case_events_case_id_at_idx" ON "case_events"("case_id", "at");

-- CreateIndex
CREATE INDEX "notes_case_id_created_at_idx" ON "notes"("case_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "members_slack_user_id_key" ON "members"("slack_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "members_discord_user_id_key" ON "members"("discord_user_id");

-- CreateIndex
CREATE INDEX "sync_runs_store_id_resource_started_at_idx" ON "sync_runs"("store_id", "resource", "started_at");

-- CreateIndex
CREATE UNIQUE INDEX "proposals_idempotency_key_key" ON "proposals"("idempotency_key");

-- CreateIndex
CREATE INDEX "proposals_status_expires_at_idx" ON "proposals"("status", "expires_at");

-- CreateIndex
CREATE INDEX "proposals_case_id_idx" ON "proposals"("case_id");

-- CreateIndex
CREATE INDEX "audit_log_proposal_id_idx" ON "audit_log"("proposal_id");

-- CreateIndex
CREATE INDEX "audit_log_case_id_idx" ON "audit_log"("case_id");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- CreateIndex
CREATE UNIQUE INDEX "digest_subscriptions_surface_channel_id_key" ON "digest_subscriptions"("surface", "channel_id");

-- CreateIndex
CREATE UNIQUE INDEX "conversation_threads_surface_external_id_key" ON "conversation_threads"("surface", "external_id");

-- CreateIndex
CREATE INDEX "conversation_messages_thread_id_created_at_idx" ON "conversation_messages"("thread_id", "created_at");

-- AddForeignKey
ALTER TABLE "skus" ADD CONSTRAINT "skus_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_lines" ADD CONSTRAINT "case_lines_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notes" ADD CONSTRAINT "notes_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_cursors" ADD CONSTRAINT "sync_cursors_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_messages" ADD CONSTRAINT "conversation_messages_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "conversation_threads"("id") ON DELETE CASCADE ON UPDATE CASCADE;
