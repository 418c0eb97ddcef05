-- AlterTable
ALTER TABLE "policy_document" ADD COLUMN     "agencies" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "amended_by_id" UUID,
ADD COLUMN     "canonical_id" UUID,
ADD COLUMN     "content_hash" TEXT,
ADD COLUMN     "doc_number_key" TEXT,
ADD COLUMN     "effective_date" TEXT,
ADD COLUMN     "expiry_date" TEXT,
ADD COLUMN     "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "repealed_by_id" UUID,
ADD COLUMN     "minhash" TEXT,
ADD COLUMN     "source_url" TEXT,
ADD COLUMN     "topic_confidence" DOUBLE PRECISION,
ADD COLUMN     "topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "validity" TEXT NOT NULL DEFAULT '有效';

-- CreateTable
CREATE TABLE "policy_document_version" (
    "document_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "validity" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "policy_document_version_pkey" PRIMARY KEY ("document_id","version")
);

-- CreateTable
CREATE TABLE "import_job" (
    "id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "last_line" INTEGER NOT NULL DEFAULT 0,
    "report" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "import_job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "policy_document_doc_number_key_idx" ON "policy_document"("doc_number_key");

-- CreateIndex
CREATE INDEX "policy_document_content_hash_idx" ON "policy_document"("content_hash");

