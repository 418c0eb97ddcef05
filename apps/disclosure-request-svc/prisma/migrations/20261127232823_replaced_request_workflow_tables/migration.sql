-- AlterTable
ALTER TABLE "disclosure_request" DROP COLUMN "contact",
ADD COLUMN     "address" TEXT,
ADD COLUMN     "agency" TEXT NOT NULL,
ADD COLUMN     "applicant_key" TEXT NOT NULL,
ADD COLUMN     "applicant_type" TEXT NOT NULL,
ADD COLUMN     "calendar_version" TEXT,
ADD COLUMN     "clock_start" TEXT,
ADD COLUMN     "consultation_due" TEXT,
ADD COLUMN     "content_hash" TEXT NOT NULL,
ADD COLUMN     "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "custom_due_date" TEXT,
ADD COLUMN     "deadlines" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "delivery_form" TEXT NOT NULL,
ADD COLUMN     "department" TEXT,
ADD COLUMN     "doc_number" TEXT,
ADD COLUMN     "due_date" TEXT,
ADD COLUMN     "due_provisional" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "duplicate_of_id" UUID,
ADD COLUMN     "email" TEXT,
ADD COLUMN     "extension_days" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "fee_amount" INTEGER,
ADD COLUMN     "fee_basis" TEXT,
ADD COLUMN     "fee_paid" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "fee_pay_by" TEXT,
ADD COLUMN     "finished_date" TEXT,
ADD COLUMN     "first_receipt_date" TEXT,
ADD COLUMN     "id_number" TEXT NOT NULL,
ADD COLUMN     "id_type" TEXT NOT NULL,
ADD COLUMN     "outcome" TEXT,
ADD COLUMN     "pause_from" TEXT,
ADD COLUMN     "paused_days" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "phone" TEXT,
ADD COLUMN     "purpose" TEXT,
ADD COLUMN     "reply" JSONB,
ADD COLUMN     "supplement_deadline" TEXT,
ADD COLUMN     "supplement_requested" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "title" TEXT,
ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
DROP COLUMN "channel",
ADD COLUMN     "channel" TEXT NOT NULL,
ALTER COLUMN "status" DROP DEFAULT,
ALTER COLUMN "submitted_at" DROP DEFAULT;

-- DropEnum
DROP TYPE "Channel";

-- CreateTable
CREATE TABLE "timeline_entry" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "actor_roles" TEXT[],
    "at" TIMESTAMPTZ(3) NOT NULL,
    "shanghai_date" TEXT NOT NULL,
    "legal_basis" TEXT NOT NULL,
    "calendar_version" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "timeline_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_attachment" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_path" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "request_attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deadline_reminder" (
    "request_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "due_date" TEXT NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deadline_reminder_pkey" PRIMARY KEY ("request_id","kind","due_date")
);

-- CreateTable
CREATE TABLE "outbox_event" (
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "envelope" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_until" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "timeline_entry_request_id_at_idx" ON "timeline_entry"("request_id", "at");

-- CreateIndex
CREATE INDEX "outbox_event_sent_at_created_at_idx" ON "outbox_event"("sent_at", "created_at");

-- CreateIndex
CREATE INDEX "disclosure_request_applicant_key_content_hash_submitted_at_idx" ON "disclosure_request"("applicant_key", "content_hash", "submitted_at");

-- CreateIndex
CREATE INDEX "disclosure_request_department_status_due_date_idx" ON "disclosure_request"("department", "status", "due_date");

-- CreateIndex
CREATE INDEX "disclosure_request_agency_first_receipt_date_idx" ON "disclosure_request"("agency", "first_receipt_date");

-- AddForeignKey
ALTER TABLE "timeline_entry" ADD CONSTRAINT "timeline_entry_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "disclosure_request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_attachment" ADD CONSTRAINT "request_attachment_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "disclosure_request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The timeline is append-only (Art. 45 registration/archiving): updates and deletes are refused.
CREATE FUNCTION timeline_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'timeline_entry is append-only';
END;
$$;
CREATE TRIGGER timeline_entry_no_change BEFORE UPDATE OR DELETE ON "timeline_entry"
  FOR EACH ROW EXECUTE FUNCTION timeline_entry_append_only();
