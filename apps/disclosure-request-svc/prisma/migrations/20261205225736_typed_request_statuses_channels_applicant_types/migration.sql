-- Request status, channel and applicant type become enums (the contracts' values); existing rows are
-- converted in place (hand-edited: `migrate diff` would drop and re-add the columns, losing the data).

-- CreateEnum
CREATE TYPE "DisclosureStatus" AS ENUM ('SUBMITTED', 'RECEIVED', 'AWAITING_SUPPLEMENT', 'IN_PROGRESS', 'CONSULTING_THIRD_PARTY', 'CONSULTING_AGENCY', 'AWAITING_REASONS', 'AWAITING_FEE', 'REPLIED', 'CLOSED');

-- CreateEnum
CREATE TYPE "DisclosureChannel" AS ENUM ('ONLINE', 'EMAIL', 'FAX', 'LETTER_SIGNED', 'LETTER_ORDINARY', 'IN_PERSON', 'ORAL');

-- CreateEnum
CREATE TYPE "ApplicantType" AS ENUM ('NATURAL_PERSON', 'COMMERCIAL_ENTERPRISE', 'RESEARCH_INSTITUTION', 'PUBLIC_WELFARE_ORG', 'LEGAL_SERVICE_ORG', 'OTHER_ORG');

-- AlterTable (the index on department, status, due_date is rebuilt by PostgreSQL)
ALTER TABLE "disclosure_request"
  ALTER COLUMN "channel" TYPE "DisclosureChannel" USING "channel"::"DisclosureChannel",
  ALTER COLUMN "applicant_type" TYPE "ApplicantType" USING "applicant_type"::"ApplicantType",
  ALTER COLUMN "status" TYPE "DisclosureStatus" USING "status"::"DisclosureStatus";

-- AlterTable
ALTER TABLE "timeline_entry"
  ALTER COLUMN "from_status" TYPE "DisclosureStatus" USING "from_status"::"DisclosureStatus",
  ALTER COLUMN "to_status" TYPE "DisclosureStatus" USING "to_status"::"DisclosureStatus";
