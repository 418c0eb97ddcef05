-- AlterTable
ALTER TABLE "guide_matter" ADD COLUMN     "topics_overridden" BOOLEAN NOT NULL DEFAULT false;


-- Topics saved before the classifier existed were chosen by editors: keep them as their choice.
UPDATE "guide_matter" SET "topics_overridden" = true WHERE cardinality("topics") > 0;
