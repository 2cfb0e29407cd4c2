-- AlterTable
ALTER TABLE "Guest" DROP COLUMN "cpu",
DROP COLUMN "disk",
DROP COLUMN "mem",
DROP COLUMN "netin",
DROP COLUMN "netout",
DROP COLUMN "uptime";

-- CreateTable
-- UNLOGGED: every sync rewrites this copy of what the clusters report, so it writes no WAL (a
-- 100-cluster round of guest usage was ~4.7 MB of it). After a crash PostgreSQL empties the table
-- and the next sync fills it again. Prisma's schema cannot say UNLOGGED, and its diff ignores it.
CREATE UNLOGGED TABLE "GuestMetrics" (
    "clusterId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "vmid" INTEGER[],
    "cpu" DOUBLE PRECISION[],
    "mem" DOUBLE PRECISION[],
    "disk" DOUBLE PRECISION[],
    "netin" DOUBLE PRECISION[],
    "netout" DOUBLE PRECISION[],
    "uptime" INTEGER[],

    CONSTRAINT "GuestMetrics_pkey" PRIMARY KEY ("clusterId"),
    -- One value per guest in every array, in the order of "vmid".
    CONSTRAINT "GuestMetrics_aligned" CHECK (
      cardinality("cpu") = cardinality("vmid") AND cardinality("mem") = cardinality("vmid") AND cardinality("disk") = cardinality("vmid")
      AND cardinality("netin") = cardinality("vmid") AND cardinality("netout") = cardinality("vmid") AND cardinality("uptime") = cardinality("vmid")
    )
);

-- AddForeignKey
ALTER TABLE "GuestMetrics" ADD CONSTRAINT "GuestMetrics_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

