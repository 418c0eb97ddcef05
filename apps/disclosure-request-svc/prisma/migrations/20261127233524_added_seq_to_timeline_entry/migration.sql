-- DropIndex
DROP INDEX "timeline_entry_request_id_at_idx";

-- AlterTable
ALTER TABLE "timeline_entry" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- CreateIndex
CREATE INDEX "timeline_entry_request_id_seq_idx" ON "timeline_entry"("request_id", "seq");

