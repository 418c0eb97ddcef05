-- CreateTable
CREATE TABLE "subscription" (
    "id" UUID NOT NULL,
    "subscriber_sub" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "terms" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_preference" (
    "subscriber_sub" TEXT NOT NULL,
    "inbox" BOOLEAN NOT NULL DEFAULT true,
    "email" BOOLEAN NOT NULL DEFAULT false,
    "sms" BOOLEAN NOT NULL DEFAULT false,
    "wechat" BOOLEAN NOT NULL DEFAULT false,
    "email_address" TEXT,
    "phone" TEXT,
    "wechat_open_id" TEXT,
    "quiet_start" SMALLINT,
    "quiet_end" SMALLINT,
    "digest_hour" SMALLINT,
    "opted_out" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_preference_pkey" PRIMARY KEY ("subscriber_sub")
);

-- CreateTable
CREATE TABLE "policy_fanout" (
    "event_id" UUID NOT NULL,
    "event_type" TEXT NOT NULL,
    "document_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "change" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "agency" TEXT,
    "region" TEXT,
    "topic_codes" TEXT[],
    "terms" TEXT[],
    "cursor" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "recipients" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "done_at" TIMESTAMPTZ(3),

    CONSTRAINT "policy_fanout_pkey" PRIMARY KEY ("event_id")
);

-- CreateTable
CREATE TABLE "channel_delivery" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "event_type" TEXT NOT NULL,
    "recipient_sub" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "provider" TEXT,
    "provider_message_id" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "channel_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "digest_item" (
    "subscriber_sub" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "line" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "digested_at" TIMESTAMPTZ(3),

    CONSTRAINT "digest_item_pkey" PRIMARY KEY ("subscriber_sub","event_id")
);

-- CreateIndex
CREATE INDEX "subscription_kind_value_subscriber_sub_idx" ON "subscription"("kind", "value", "subscriber_sub");

-- CreateIndex
CREATE UNIQUE INDEX "subscription_subscriber_sub_kind_value_key" ON "subscription"("subscriber_sub", "kind", "value");

-- CreateIndex
CREATE INDEX "notification_preference_email_address_idx" ON "notification_preference"("email_address");

-- CreateIndex
CREATE INDEX "policy_fanout_status_created_at_idx" ON "policy_fanout"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "policy_fanout_document_id_version_change_key" ON "policy_fanout"("document_id", "version", "change");

-- CreateIndex
CREATE INDEX "channel_delivery_status_next_attempt_at_idx" ON "channel_delivery"("status", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "channel_delivery_event_id_recipient_sub_channel_key" ON "channel_delivery"("event_id", "recipient_sub", "channel");

-- CreateIndex
CREATE INDEX "digest_item_digested_at_subscriber_sub_idx" ON "digest_item"("digested_at", "subscriber_sub");


-- Saved searches: "all query terms among the policy's terms" (terms <@ policy terms) by the GIN index.
CREATE INDEX "subscription_terms_idx" ON "subscription" USING GIN ("terms");

-- When a push may go out: `at` itself, or, inside the person's quiet hours (minutes after midnight in
-- Asia/Shanghai; start > end spans midnight), the next end of those hours. Used by the set-based fan-out.
CREATE FUNCTION "quiet_until"(quiet_start SMALLINT, quiet_end SMALLINT, at TIMESTAMPTZ) RETURNS TIMESTAMPTZ
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN quiet_start IS NULL OR quiet_end IS NULL OR quiet_start = quiet_end THEN at
    WHEN NOT (CASE WHEN quiet_start < quiet_end THEN m >= quiet_start AND m < quiet_end
                   ELSE m >= quiet_start OR m < quiet_end END) THEN at
    ELSE ((date_trunc('day', local) + make_interval(mins => quiet_end)
           + CASE WHEN m >= quiet_end THEN interval '1 day' ELSE interval '0' END) AT TIME ZONE 'Asia/Shanghai')
  END
  FROM (SELECT at AT TIME ZONE 'Asia/Shanghai' AS local,
               (extract(hour FROM at AT TIME ZONE 'Asia/Shanghai') * 60 + extract(minute FROM at AT TIME ZONE 'Asia/Shanghai'))::int AS m) t
$$;
