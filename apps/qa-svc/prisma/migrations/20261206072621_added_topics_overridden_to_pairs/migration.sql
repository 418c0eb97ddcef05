-- AlterTable
ALTER TABLE "qa_pair" ADD COLUMN     "topics_overridden" BOOLEAN NOT NULL DEFAULT false;


-- Topics saved before the classifier existed were chosen by editors: keep them as their choice.
UPDATE "qa_pair" SET "topics_overridden" = true WHERE cardinality("topics") > 0;
