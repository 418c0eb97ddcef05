-- CreateSchema

-- CreateTable
CREATE TABLE "guide_matter" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "materials" TEXT[],
    "time_limit_days" INTEGER,
    "policy_refs" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "guide_matter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "guide_matter_code_key" ON "guide_matter"("code");

-- CreateIndex
CREATE INDEX "guide_matter_department_idx" ON "guide_matter"("department");

