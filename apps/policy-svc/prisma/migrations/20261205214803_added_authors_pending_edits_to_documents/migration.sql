-- AlterTable
ALTER TABLE "policy_document" ADD COLUMN     "created_by" TEXT,
ADD COLUMN     "edited_by" TEXT,
ADD COLUMN     "import_job_id" UUID,
ADD COLUMN     "pending_edit" JSONB,
ADD COLUMN     "pending_edited_at" TIMESTAMPTZ(3),
ADD COLUMN     "pending_edited_by" TEXT,
ADD COLUMN     "published_by" TEXT;

-- AlterTable
ALTER TABLE "policy_document_version" ADD COLUMN     "edited_by" TEXT;

-- CreateIndex
CREATE INDEX "policy_document_import_job_id_idx" ON "policy_document"("import_job_id");

