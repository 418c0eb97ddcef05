-- CreateIndex
CREATE INDEX "qa_pair_source_policy_id_idx" ON "qa_pair"("source_policy_id");

