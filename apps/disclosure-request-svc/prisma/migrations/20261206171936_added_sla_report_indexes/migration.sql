-- CreateIndex
CREATE INDEX "disclosure_request_first_receipt_date_idx" ON "disclosure_request"("first_receipt_date");

-- CreateIndex
CREATE INDEX "disclosure_request_status_finished_date_idx" ON "disclosure_request"("status", "finished_date");

