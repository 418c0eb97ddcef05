-- CreateTable
CREATE TABLE "ask_daily_count" (
    "day" CHAR(10) NOT NULL,
    "topic" VARCHAR(50) NOT NULL,
    "asked" INTEGER NOT NULL DEFAULT 0,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "suggestions_only" INTEGER NOT NULL DEFAULT 0,
    "fallback" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ask_daily_count_pkey" PRIMARY KEY ("day","topic")
);

