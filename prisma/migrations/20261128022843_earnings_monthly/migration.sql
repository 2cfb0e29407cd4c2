-- CreateTable
CREATE TABLE "RevenueMonthly" (
    "clusterId" UUID NOT NULL,
    "networkId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "entries" INTEGER NOT NULL DEFAULT 0,
    "revenueUsd" DECIMAL(20,6) NOT NULL DEFAULT 0,
    "unpricedEntries" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RevenueMonthly_pkey" PRIMARY KEY ("clusterId","networkId","month")
);

-- CreateIndex
CREATE INDEX "RevenueMonthly_month_idx" ON "RevenueMonthly"("month");

-- AddForeignKey
ALTER TABLE "RevenueMonthly" ADD CONSTRAINT "RevenueMonthly_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevenueMonthly" ADD CONSTRAINT "RevenueMonthly_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "EarningsNetwork"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Backfill from the daily rollups of ledgers imported before this table existed.
INSERT INTO "RevenueMonthly" ("clusterId", "networkId", "month", "entries", "revenueUsd", "unpricedEntries")
SELECT "clusterId", "networkId", date_trunc('month', "day")::date, sum("entries"), sum("revenueUsd"), sum("unpricedEntries")
FROM "RevenueDaily" GROUP BY 1, 2, 3;
