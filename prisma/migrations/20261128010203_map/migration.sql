-- CreateTable
CREATE TABLE "MeshLink" (
    "id" UUID NOT NULL,
    "clusterAId" UUID NOT NULL,
    "clusterBId" UUID NOT NULL,
    "measuredLatencyMs" DOUBLE PRECISION,
    "measuredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeshLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MeshLink_clusterBId_idx" ON "MeshLink"("clusterBId");

-- CreateIndex
CREATE UNIQUE INDEX "MeshLink_clusterAId_clusterBId_key" ON "MeshLink"("clusterAId", "clusterBId");

-- AddForeignKey
ALTER TABLE "MeshLink" ADD CONSTRAINT "MeshLink_clusterAId_fkey" FOREIGN KEY ("clusterAId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeshLink" ADD CONSTRAINT "MeshLink_clusterBId_fkey" FOREIGN KEY ("clusterBId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Added by hand (Prisma does not model CHECK constraints and ignores them when diffing): a link
-- joins two different sites, stored in id order, so A–B and B–A cannot both exist.
ALTER TABLE "MeshLink" ADD CONSTRAINT "MeshLink_ordered_pair_check" CHECK ("clusterAId" < "clusterBId");
