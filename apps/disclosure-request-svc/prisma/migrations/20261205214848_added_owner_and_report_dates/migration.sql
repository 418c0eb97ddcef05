-- AlterTable
ALTER TABLE "disclosure_request" ADD COLUMN     "owner_sub" TEXT,
ADD COLUMN     "report_finished_date" TEXT,
ADD COLUMN     "report_receipt_date" TEXT,
ADD COLUMN     "supplement_notice_on" TEXT;

-- CreateIndex
CREATE INDEX "disclosure_request_owner_sub_content_hash_submitted_at_idx" ON "disclosure_request"("owner_sub", "content_hash", "submitted_at");

