-- AlterTable
ALTER TABLE "policy_document" ADD COLUMN     "topic_codes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "topic_codes_overridden" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "policy_document_topic_codes_idx" ON "policy_document" USING GIN ("topic_codes");

