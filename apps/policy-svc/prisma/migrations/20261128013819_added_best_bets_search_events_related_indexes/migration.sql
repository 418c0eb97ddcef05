-- CreateTable
CREATE TABLE "best_bet" (
    "id" UUID NOT NULL,
    "query" TEXT NOT NULL,
    "normalized_query" TEXT NOT NULL,
    "document_ids" UUID[],
    "created_by" TEXT NOT NULL,
    "updated_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "best_bet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "search_event" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "query" TEXT NOT NULL,
    "total_hits" INTEGER,
    "document_id" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "search_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "best_bet_normalized_query_key" ON "best_bet"("normalized_query");

-- CreateIndex
CREATE INDEX "search_event_day_query_idx" ON "search_event"("day", "query");

-- CreateIndex
CREATE INDEX "policy_document_keywords_idx" ON "policy_document" USING GIN ("keywords");

-- CreateIndex
CREATE INDEX "policy_document_topics_idx" ON "policy_document" USING GIN ("topics");

