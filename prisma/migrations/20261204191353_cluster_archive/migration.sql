-- DropForeignKey
ALTER TABLE "RevenueDaily" DROP CONSTRAINT "RevenueDaily_clusterId_fkey";

-- DropForeignKey
ALTER TABLE "RevenueMonthly" DROP CONSTRAINT "RevenueMonthly_clusterId_fkey";

-- DropForeignKey
ALTER TABLE "ElectricityCost" DROP CONSTRAINT "ElectricityCost_clusterId_fkey";

-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN     "archivedAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "Cluster_archivedAt_idx" ON "Cluster"("archivedAt");

-- AddForeignKey
ALTER TABLE "RevenueDaily" ADD CONSTRAINT "RevenueDaily_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevenueMonthly" ADD CONSTRAINT "RevenueMonthly_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectricityCost" ADD CONSTRAINT "ElectricityCost_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

