-- CreateSchema

-- CreateEnum
CREATE TYPE "QaStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'NEEDS_UPDATE', 'RETIRED');

-- CreateTable
CREATE TABLE "qa_pair" (
    "id" UUID NOT NULL,
    "external_id" TEXT,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "source_policy_id" TEXT,
    "status" "QaStatus" NOT NULL DEFAULT 'DRAFT',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "qa_pair_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "qa_pair_external_id_key" ON "qa_pair"("external_id");

-- CreateIndex
CREATE INDEX "qa_pair_status_updated_at_idx" ON "qa_pair"("status", "updated_at");

