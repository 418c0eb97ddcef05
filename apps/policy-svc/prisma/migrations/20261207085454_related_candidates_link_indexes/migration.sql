-- CreateIndex
CREATE INDEX "policy_document_amended_by_id_idx" ON "policy_document"("amended_by_id");

-- CreateIndex
CREATE INDEX "policy_document_repealed_by_id_idx" ON "policy_document"("repealed_by_id");

