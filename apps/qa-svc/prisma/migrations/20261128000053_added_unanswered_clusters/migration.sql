-- CreateTable
CREATE TABLE "unanswered_cluster" (
    "id" UUID NOT NULL,
    "sample" TEXT NOT NULL,
    "variants" TEXT[],
    "tokens" TEXT[],
    "count" INTEGER NOT NULL DEFAULT 1,
    "first_asked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_asked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unanswered_cluster_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "unanswered_cluster_count_idx" ON "unanswered_cluster"("count");

CREATE INDEX "unanswered_cluster_tokens_gin" ON "unanswered_cluster" USING GIN ("tokens");
