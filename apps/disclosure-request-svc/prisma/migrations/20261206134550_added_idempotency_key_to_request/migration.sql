-- AlterTable
ALTER TABLE "disclosure_request" ADD COLUMN     "idempotency_key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "disclosure_request_idempotency_key_key" ON "disclosure_request"("idempotency_key");

