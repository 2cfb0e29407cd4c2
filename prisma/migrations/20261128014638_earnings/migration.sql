-- CreateEnum
CREATE TYPE "EarningsImportKind" AS ENUM ('csv', 'api', 'manual', 'prices');

-- CreateEnum
CREATE TYPE "EarningsImportStatus" AS ENUM ('running', 'done', 'failed');

-- CreateTable
CREATE TABLE "EarningsNetwork" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "defaultSymbol" TEXT NOT NULL,
    "monthlyMinUsd" DECIMAL(14,2),
    "monthlyMaxUsd" DECIMAL(14,2),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EarningsNetwork_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RevenueEntry" (
    "id" BIGSERIAL NOT NULL,
    "clusterId" UUID NOT NULL,
    "networkId" TEXT NOT NULL,
    "workload" TEXT,
    "day" DATE NOT NULL,
    "tokenAmount" DECIMAL(38,18) NOT NULL,
    "tokenSymbol" TEXT NOT NULL,
    "amountUsd" DECIMAL(20,6),
    "source" TEXT NOT NULL,
    "externalId" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "importId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RevenueEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RevenueDaily" (
    "clusterId" UUID NOT NULL,
    "networkId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "entries" INTEGER NOT NULL DEFAULT 0,
    "revenueUsd" DECIMAL(20,6) NOT NULL DEFAULT 0,
    "unpricedEntries" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RevenueDaily_pkey" PRIMARY KEY ("clusterId","networkId","day")
);

-- CreateTable
CREATE TABLE "TokenPrice" (
    "symbol" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "usd" DECIMAL(24,10) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TokenPrice_pkey" PRIMARY KEY ("symbol","day")
);

-- CreateTable
CREATE TABLE "ElectricityCost" (
    "clusterId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "amount" DECIMAL(14,4) NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ElectricityCost_pkey" PRIMARY KEY ("clusterId","day")
);

-- CreateTable
CREATE TABLE "EarningsImport" (
    "id" UUID NOT NULL,
    "kind" "EarningsImportKind" NOT NULL,
    "status" "EarningsImportStatus" NOT NULL DEFAULT 'running',
    "fileName" TEXT,
    "actorLabel" TEXT NOT NULL,
    "rowsRead" INTEGER NOT NULL DEFAULT 0,
    "imported" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "lastCommittedLine" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "EarningsImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    "lastUsedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EarningsNetwork_name_key" ON "EarningsNetwork"("name");

-- CreateIndex
CREATE INDEX "RevenueEntry_tokenSymbol_day_idx" ON "RevenueEntry"("tokenSymbol", "day");

-- CreateIndex
CREATE INDEX "RevenueEntry_clusterId_day_idx" ON "RevenueEntry"("clusterId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "RevenueEntry_source_dedupeKey_key" ON "RevenueEntry"("source", "dedupeKey");

-- CreateIndex
CREATE INDEX "RevenueDaily_day_idx" ON "RevenueDaily"("day");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- AddForeignKey
ALTER TABLE "RevenueEntry" ADD CONSTRAINT "RevenueEntry_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevenueEntry" ADD CONSTRAINT "RevenueEntry_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "EarningsNetwork"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevenueEntry" ADD CONSTRAINT "RevenueEntry_importId_fkey" FOREIGN KEY ("importId") REFERENCES "EarningsImport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevenueDaily" ADD CONSTRAINT "RevenueDaily_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevenueDaily" ADD CONSTRAINT "RevenueDaily_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "EarningsNetwork"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectricityCost" ADD CONSTRAINT "ElectricityCost_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The essay's networks and their monthly ranges in USD. Admins add more from the UI.
INSERT INTO "EarningsNetwork" ("id", "name", "defaultSymbol", "monthlyMinUsd", "monthlyMaxUsd") VALUES
  ('helium', 'Helium', 'HNT', 500, 2500),
  ('filecoin', 'Filecoin', 'FIL', 200, 800),
  ('render', 'Render', 'RENDER', 200, 3000),
  ('iotex', 'IoTeX', 'IOTX', 25, 500),
  ('akash', 'Akash', 'AKT', 100, 1500),
  ('federation-rewards', 'Federation rewards', 'USD', 25, 300);
