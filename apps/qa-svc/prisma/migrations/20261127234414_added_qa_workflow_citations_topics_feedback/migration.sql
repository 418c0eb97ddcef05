-- CreateEnum
CREATE TYPE "Audience" AS ENUM ('INDIVIDUAL', 'ENTERPRISE', 'ALL');

-- CreateEnum
CREATE TYPE "CitationState" AS ENUM ('VERIFIED', 'UNVERIFIED', 'STALE');

-- AlterTable
ALTER TABLE "qa_pair" ADD COLUMN     "alternatives" TEXT[],
ADD COLUMN     "audience" "Audience" NOT NULL DEFAULT 'ALL',
ADD COLUMN     "effective_from" TEXT,
ADD COLUMN     "effective_to" TEXT,
ADD COLUMN     "last_editor_sub" TEXT NOT NULL DEFAULT 'system',
ADD COLUMN     "owner_department" TEXT,
ADD COLUMN     "topics" TEXT[],
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "qa_citation" (
    "id" UUID NOT NULL,
    "pair_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "document_id" TEXT NOT NULL,
    "document_version" INTEGER,
    "anchor" TEXT,
    "quote" TEXT NOT NULL,
    "state" "CitationState" NOT NULL DEFAULT 'UNVERIFIED',

    CONSTRAINT "qa_citation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "qa_revision" (
    "id" BIGSERIAL NOT NULL,
    "pair_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "status" "QaStatus" NOT NULL,
    "actor_sub" TEXT NOT NULL,
    "note" TEXT,
    "snapshot" JSONB NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "qa_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "qa_topic" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,

    CONSTRAINT "qa_topic_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "qa_feedback" (
    "id" BIGSERIAL NOT NULL,
    "pair_id" UUID NOT NULL,
    "helpful" BOOLEAN,
    "rating" INTEGER,
    "comment" TEXT,
    "actor_sub" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "qa_feedback_pkey" PRIMARY KEY ("id")
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

-- CreateTable
CREATE TABLE "processed_event" (
    "consumer" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_event_pkey" PRIMARY KEY ("consumer","event_id")
);

-- CreateIndex
CREATE INDEX "qa_citation_document_id_idx" ON "qa_citation"("document_id");

-- CreateIndex
CREATE INDEX "qa_revision_pair_id_id_idx" ON "qa_revision"("pair_id", "id");

-- CreateIndex
CREATE INDEX "qa_feedback_pair_id_idx" ON "qa_feedback"("pair_id");

-- CreateIndex
CREATE INDEX "outbox_event_sent_at_created_at_idx" ON "outbox_event"("sent_at", "created_at");

-- AddForeignKey
ALTER TABLE "qa_citation" ADD CONSTRAINT "qa_citation_pair_id_fkey" FOREIGN KEY ("pair_id") REFERENCES "qa_pair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "qa_revision" ADD CONSTRAINT "qa_revision_pair_id_fkey" FOREIGN KEY ("pair_id") REFERENCES "qa_pair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "qa_feedback" ADD CONSTRAINT "qa_feedback_pair_id_fkey" FOREIGN KEY ("pair_id") REFERENCES "qa_pair"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Reference data: the topic services citizens browse (editors reorder them; codes are stable).
INSERT INTO "qa_topic" ("code", "name", "description", "position") VALUES
  ('enterprise-support', '惠企政策', '纾困解难、降本减负、营商环境', 1),
  ('subsidies', '资金奖补', '补贴、奖励、贴息的申报条件与标准', 2),
  ('education', '教育', '入学、学籍、资助', 3),
  ('medical', '医疗', '医保参保、报销、就医', 4),
  ('social-insurance', '社保', '养老、失业、工伤保险', 5),
  ('employment', '就业', '就业补贴、稳岗、职业培训', 6),
  ('housing-fund', '住房公积金', '缴存、提取、贷款', 7),
  ('real-estate', '不动产', '不动产登记、交易', 8),
  ('household-registration', '户籍', '落户、迁移、居住证', 9),
  ('transport', '交通', '出行、车辆、驾驶证', 10),
  ('elderly-care', '养老', '养老服务、高龄津贴', 11),
  ('marriage-birth', '婚育', '婚姻登记、生育、托育', 12),
  ('disability', '残疾人', '残疾人补贴、康复、就业', 13),
  ('tax', '税务', '个税、退税、减免', 14),
  ('entrepreneurship', '创业', '创业补贴、担保贷款、场地', 15),
  ('talent', '人才', '人才引进、安居、补贴', 16),
  ('open-government', '政府信息公开', '主动公开与依申请公开', 17)
ON CONFLICT ("code") DO NOTHING;
