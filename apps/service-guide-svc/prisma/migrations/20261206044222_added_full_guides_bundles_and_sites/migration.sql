-- AlterTable (hand-edited: the old plain material names move into "detail" before their column goes)
ALTER TABLE "guide_matter" ADD COLUMN     "detail" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "site_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "type" TEXT NOT NULL DEFAULT '其他',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- Material names become structured materials (one original, paper or electronic, required); policy refs
-- become the legal basis (no clause known). Pending edits in the old shape cannot be published by the new
-- code: they are dropped (the feature is a day old; its editor saves them again).
UPDATE "guide_matter" SET "detail" = jsonb_build_object(
  'materials', COALESCE((SELECT jsonb_agg(jsonb_build_object('name', m, 'form', '纸质或电子', 'originals', 1, 'copies', 0,
    'required', true, 'exemptedBySharedData', false)) FROM unnest("materials") AS m), '[]'::jsonb),
  'legalBasis', COALESCE((SELECT jsonb_agg(jsonb_build_object('policyId', r)) FROM unnest("policy_refs") AS r), '[]'::jsonb));
UPDATE "guide_matter" SET "pending_edit" = NULL, "pending_edited_by" = NULL, "pending_edited_at" = NULL WHERE "pending_edit" IS NOT NULL;
ALTER TABLE "guide_matter" DROP COLUMN "materials";

-- CreateTable
CREATE TABLE "guide_bundle" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "matter_codes" TEXT[],
    "topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "GuideStatus" NOT NULL DEFAULT 'DRAFT',
    "edited_by" TEXT,
    "published_by" TEXT,
    "published_at" TIMESTAMPTZ(3),
    "pending_edit" JSONB,
    "pending_edited_by" TEXT,
    "pending_edited_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "guide_bundle_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "service_site" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "district" TEXT NOT NULL,
    "phones" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "weekly_hours" JSONB NOT NULL DEFAULT '[]',
    "open_on_holidays" BOOLEAN NOT NULL DEFAULT false,
    "hours_note" TEXT NOT NULL DEFAULT '',
    "status" "GuideStatus" NOT NULL DEFAULT 'DRAFT',
    "edited_by" TEXT,
    "published_by" TEXT,
    "published_at" TIMESTAMPTZ(3),
    "pending_edit" JSONB,
    "pending_edited_by" TEXT,
    "pending_edited_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "service_site_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "service_site_district_idx" ON "service_site"("district");

-- CreateIndex
CREATE INDEX "guide_matter_topics_idx" ON "guide_matter" USING GIN ("topics");

-- CreateIndex
CREATE INDEX "guide_matter_site_ids_idx" ON "guide_matter" USING GIN ("site_ids");

