-- CreateEnum
CREATE TYPE "WorkloadService" AS ENUM ('ai_inference', 'storage_provision', 'trading_bot', 'other');

-- CreateEnum
CREATE TYPE "PlacementPlanStatus" AS ENUM ('draft', 'proposed', 'applying', 'applied', 'failed', 'superseded');

-- CreateEnum
CREATE TYPE "PlacementMoveStatus" AS ENUM ('pending', 'running', 'succeeded', 'failed', 'skipped');

-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN     "gpuCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "latencyBaseMs" DOUBLE PRECISION,
ADD COLUMN     "maintenance" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "wattsPerGpu" DOUBLE PRECISION,
ADD COLUMN     "wattsPerVcpu" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "Workload" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "networkId" TEXT,
    "service" "WorkloadService",
    "tag" TEXT,
    "vcpu" INTEGER NOT NULL,
    "memoryMb" INTEGER NOT NULL,
    "diskGb" INTEGER NOT NULL,
    "gpu" BOOLEAN NOT NULL DEFAULT false,
    "replicas" INTEGER NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 50,
    "allowedCountries" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "minSpreadKm" INTEGER,
    "distinctRegions" BOOLEAN NOT NULL DEFAULT false,
    "pinnedClusterIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "excludedClusterIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "latencyLatitude" DOUBLE PRECISION,
    "latencyLongitude" DOUBLE PRECISION,
    "maxLatencyMs" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Workload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkloadGuest" (
    "clusterId" UUID NOT NULL,
    "vmid" INTEGER NOT NULL,
    "workloadId" UUID NOT NULL,
    "assignedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkloadGuest_pkey" PRIMARY KEY ("clusterId","vmid")
);

-- CreateTable
CREATE TABLE "RewardRate" (
    "subject" TEXT NOT NULL,
    "region" TEXT NOT NULL DEFAULT '',
    "monthlyUsdPerReplica" DECIMAL(14,2) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RewardRate_pkey" PRIMARY KEY ("subject","region")
);

-- CreateTable
CREATE TABLE "PlacementPlan" (
    "id" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "status" "PlacementPlanStatus" NOT NULL DEFAULT 'draft',
    "solver" TEXT NOT NULL,
    "objective" DOUBLE PRECISION NOT NULL,
    "gap" DOUBLE PRECISION,
    "netBeforeUsd" DECIMAL(14,2) NOT NULL,
    "netAfterUsd" DECIMAL(14,2) NOT NULL,
    "whatIf" JSONB NOT NULL DEFAULT '{}',
    "proposalId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PlacementPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlacementMove" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "phase" INTEGER NOT NULL DEFAULT 1,
    "workloadId" UUID,
    "sourceClusterId" UUID NOT NULL,
    "sourceName" TEXT NOT NULL,
    "vmid" INTEGER NOT NULL,
    "guestType" TEXT NOT NULL,
    "guestName" TEXT NOT NULL,
    "targetClusterId" UUID NOT NULL,
    "targetName" TEXT NOT NULL,
    "targetVmid" INTEGER,
    "gainMonthlyUsd" DECIMAL(14,2) NOT NULL,
    "reason" JSONB NOT NULL,
    "status" "PlacementMoveStatus" NOT NULL DEFAULT 'pending',
    "upid" TEXT,
    "error" TEXT,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PlacementMove_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Workload_name_key" ON "Workload"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Workload_tag_key" ON "Workload"("tag");

-- CreateIndex
CREATE INDEX "WorkloadGuest_workloadId_idx" ON "WorkloadGuest"("workloadId");

-- CreateIndex
CREATE UNIQUE INDEX "PlacementPlan_proposalId_key" ON "PlacementPlan"("proposalId");

-- CreateIndex
CREATE INDEX "PlacementPlan_status_createdAt_idx" ON "PlacementPlan"("status", "createdAt");

-- CreateIndex
CREATE INDEX "PlacementMove_status_idx" ON "PlacementMove"("status");

-- CreateIndex
CREATE UNIQUE INDEX "PlacementMove_planId_position_key" ON "PlacementMove"("planId", "position");

-- AddForeignKey
ALTER TABLE "Workload" ADD CONSTRAINT "Workload_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "EarningsNetwork"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkloadGuest" ADD CONSTRAINT "WorkloadGuest_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkloadGuest" ADD CONSTRAINT "WorkloadGuest_workloadId_fkey" FOREIGN KEY ("workloadId") REFERENCES "Workload"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlacementPlan" ADD CONSTRAINT "PlacementPlan_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlacementPlan" ADD CONSTRAINT "PlacementPlan_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlacementMove" ADD CONSTRAINT "PlacementMove_planId_fkey" FOREIGN KEY ("planId") REFERENCES "PlacementPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlacementMove" ADD CONSTRAINT "PlacementMove_workloadId_fkey" FOREIGN KEY ("workloadId") REFERENCES "Workload"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A workload earns on a DePIN network or provides a service: exactly one of the two.
ALTER TABLE "Workload" ADD CONSTRAINT "Workload_kind_check" CHECK (("networkId" IS NULL) <> ("service" IS NULL));
