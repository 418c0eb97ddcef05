-- AlterTable
ALTER TABLE "qa_pair" ADD COLUMN     "pending_edit" JSONB,
ADD COLUMN     "pending_edited_at" TIMESTAMPTZ(3),
ADD COLUMN     "pending_editor_sub" TEXT;

