-- DropIndex
DROP INDEX "notification_created_at_idx";

-- DropIndex
DROP INDEX "notification_event_id_event_type_key";

-- AlterTable
ALTER TABLE "notification" ADD COLUMN     "recipient_department" TEXT,
ADD COLUMN     "recipient_key" TEXT,
ADD COLUMN     "recipient_role" TEXT,
ADD COLUMN     "recipient_sub" TEXT;

-- Backfill (hand-written): rows made before recipients existed were shown to everybody. Address each
-- to the role it was meant for, never to the public: Q&A "needs update" notices to the editors who
-- fix answers (the owning department is free text in the body; editors carry no department claim),
-- everything else (new-policy notices, meant for subscribers that do not exist yet) to admins.
UPDATE "notification"
   SET "recipient_role" = CASE WHEN "event_type" = 'qa.pair.needs-update' THEN 'editor' ELSE 'admin' END;
UPDATE "notification" SET "recipient_key" = 'role:' || "recipient_role";
ALTER TABLE "notification" ALTER COLUMN "recipient_key" SET NOT NULL;

-- Exactly one kind of recipient: a person, or a role (optionally narrowed to a department).
ALTER TABLE "notification" ADD CONSTRAINT "notification_one_recipient"
  CHECK (("recipient_sub" IS NULL) <> ("recipient_role" IS NULL)
         AND ("recipient_department" IS NULL OR "recipient_role" IS NOT NULL));

-- CreateTable
CREATE TABLE "notification_read" (
    "notification_id" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "read_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_read_pkey" PRIMARY KEY ("notification_id","subject")
);

-- CreateIndex
CREATE INDEX "notification_read_subject_idx" ON "notification_read"("subject");

-- CreateIndex
CREATE INDEX "notification_recipient_sub_created_at_idx" ON "notification"("recipient_sub", "created_at");

-- CreateIndex
CREATE INDEX "notification_recipient_role_recipient_department_created_at_idx" ON "notification"("recipient_role", "recipient_department", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "notification_event_id_recipient_key_key" ON "notification"("event_id", "recipient_key");

-- AddForeignKey
ALTER TABLE "notification_read" ADD CONSTRAINT "notification_read_notification_id_fkey" FOREIGN KEY ("notification_id") REFERENCES "notification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

