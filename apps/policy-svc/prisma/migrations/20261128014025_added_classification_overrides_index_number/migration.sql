-- AlterTable
ALTER TABLE "policy_document" ADD COLUMN     "category" TEXT,
ADD COLUMN     "classified_at" TIMESTAMPTZ(3),
ADD COLUMN     "classified_by" TEXT,
ADD COLUMN     "index_number" TEXT,
ADD COLUMN     "keywords_overridden" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "topics_overridden" BOOLEAN NOT NULL DEFAULT false;

