-- CreateEnum
CREATE TYPE "GuideStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- AlterTable
ALTER TABLE "guide_matter" ADD COLUMN     "edited_by" TEXT,
ADD COLUMN     "pending_edit" JSONB,
ADD COLUMN     "pending_edited_at" TIMESTAMPTZ(3),
ADD COLUMN     "pending_edited_by" TEXT,
ADD COLUMN     "published_at" TIMESTAMPTZ(3),
ADD COLUMN     "published_by" TEXT,
ADD COLUMN     "status" "GuideStatus" NOT NULL DEFAULT 'DRAFT';


-- Matters saved before publishing existed were public: they stay published.
UPDATE "guide_matter" SET "status" = 'PUBLISHED';
