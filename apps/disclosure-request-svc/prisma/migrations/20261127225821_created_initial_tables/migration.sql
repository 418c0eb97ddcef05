-- CreateSchema

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('ONLINE', 'LETTER', 'IN_PERSON', 'FAX');

-- CreateTable
CREATE TABLE "disclosure_request" (
    "id" UUID NOT NULL,
    "request_number" TEXT NOT NULL,
    "tracking_code" TEXT NOT NULL,
    "applicant_name" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "description" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'SUBMITTED',
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "disclosure_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_counter" (
    "year" INTEGER NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "request_counter_pkey" PRIMARY KEY ("year")
);

-- CreateIndex
CREATE UNIQUE INDEX "disclosure_request_request_number_key" ON "disclosure_request"("request_number");

-- CreateIndex
CREATE UNIQUE INDEX "disclosure_request_tracking_code_key" ON "disclosure_request"("tracking_code");

