-- CreateEnum
CREATE TYPE "SiteRole" AS ENUM ('primary', 'regional_backup', 'remote', 'edge');

-- CreateEnum
CREATE TYPE "ClusterHealth" AS ENUM ('healthy', 'degraded', 'down', 'unknown');

-- CreateEnum
CREATE TYPE "NodeStatus" AS ENUM ('online', 'offline', 'unknown');

-- CreateEnum
CREATE TYPE "GuestType" AS ENUM ('qemu', 'lxc');

-- CreateEnum
CREATE TYPE "GuestStatus" AS ENUM ('running', 'stopped', 'paused', 'unknown');

-- CreateTable
CREATE TABLE "Cluster" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "apiUrl" TEXT NOT NULL,
    "tokenId" TEXT NOT NULL,
    "tokenSecretCiphertext" TEXT NOT NULL,
    "tokenSecretIv" TEXT NOT NULL,
    "tokenSecretTag" TEXT NOT NULL,
    "tokenSecretKeyId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "pendingFingerprint" TEXT,
    "pendingFingerprintSeenAt" TIMESTAMPTZ(3),
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "syncIntervalSeconds" INTEGER,
    "health" "ClusterHealth" NOT NULL DEFAULT 'unknown',
    "lastSyncAt" TIMESTAMPTZ(3),
    "lastAttemptAt" TIMESTAMPTZ(3),
    "lastSyncDurationMs" INTEGER,
    "lastErrorAt" TIMESTAMPTZ(3),
    "lastErrorKind" TEXT,
    "lastErrorMessage" TEXT,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "lastDisksSyncAt" TIMESTAMPTZ(3),
    "pveClusterName" TEXT,
    "quorate" BOOLEAN,
    "pveVersion" TEXT,
    "haQuorate" BOOLEAN,
    "haMasterNode" TEXT,
    "haFencingState" TEXT,
    "siteName" TEXT NOT NULL,
    "role" "SiteRole" NOT NULL,
    "tier" INTEGER NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "country" VARCHAR(2) NOT NULL,
    "region" TEXT,
    "powerGrid" TEXT,
    "isp" TEXT,
    "electricityPricePerKwh" DECIMAL(12,6) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "wattsPerNode" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Cluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClusterNode" (
    "id" UUID NOT NULL,
    "clusterId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "status" "NodeStatus" NOT NULL,
    "ip" TEXT,
    "cpu" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "maxcpu" INTEGER NOT NULL DEFAULT 0,
    "mem" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "maxmem" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "disk" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "maxdisk" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "uptime" INTEGER NOT NULL DEFAULT 0,
    "loadavg1" DOUBLE PRECISION,
    "pveVersion" TEXT,
    "kernel" TEXT,
    "cpuModel" TEXT,
    "level" TEXT,
    "sslFingerprint" TEXT,
    "haState" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ClusterNode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Guest" (
    "id" UUID NOT NULL,
    "clusterId" UUID NOT NULL,
    "vmid" INTEGER NOT NULL,
    "type" "GuestType" NOT NULL,
    "name" TEXT NOT NULL,
    "node" TEXT NOT NULL,
    "status" "GuestStatus" NOT NULL,
    "template" BOOLEAN NOT NULL DEFAULT false,
    "tags" TEXT[],
    "cpu" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "maxcpu" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "mem" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "maxmem" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "disk" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "maxdisk" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "netin" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "netout" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "uptime" INTEGER NOT NULL DEFAULT 0,
    "hastate" TEXT,
    "lock" TEXT,
    "pool" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Guest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Storage" (
    "id" UUID NOT NULL,
    "clusterId" UUID NOT NULL,
    "node" TEXT NOT NULL,
    "storage" TEXT NOT NULL,
    "plugintype" TEXT,
    "content" TEXT[],
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL,
    "disk" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "maxdisk" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Storage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Disk" (
    "id" UUID NOT NULL,
    "clusterId" UUID NOT NULL,
    "node" TEXT NOT NULL,
    "devpath" TEXT NOT NULL,
    "type" TEXT,
    "model" TEXT,
    "serial" TEXT,
    "vendor" TEXT,
    "size" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "health" TEXT,
    "wearout" INTEGER,
    "used" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Disk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DiskWearSample" (
    "id" BIGSERIAL NOT NULL,
    "clusterId" UUID NOT NULL,
    "node" TEXT NOT NULL,
    "devpath" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "wearout" INTEGER,
    "health" TEXT,

    CONSTRAINT "DiskWearSample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HaResource" (
    "id" UUID NOT NULL,
    "clusterId" UUID NOT NULL,
    "sid" TEXT NOT NULL,
    "vmid" INTEGER,
    "node" TEXT NOT NULL,
    "state" TEXT,
    "crmState" TEXT,
    "requestState" TEXT,
    "group" TEXT,
    "status" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "HaResource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClusterTask" (
    "id" UUID NOT NULL,
    "clusterId" UUID NOT NULL,
    "upid" TEXT NOT NULL,
    "node" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "objectId" TEXT NOT NULL,
    "user" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    "status" TEXT,
    "ok" BOOLEAN,

    CONSTRAINT "ClusterTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClusterHistory" (
    "id" BIGSERIAL NOT NULL,
    "clusterId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "health" "ClusterHealth" NOT NULL,
    "nodesOnline" INTEGER,
    "nodesTotal" INTEGER,
    "guestsRunning" INTEGER,
    "guestsTotal" INTEGER,
    "cpuUsed" DOUBLE PRECISION,
    "cpuTotal" DOUBLE PRECISION,
    "memUsed" DOUBLE PRECISION,
    "memTotal" DOUBLE PRECISION,
    "storageUsed" DOUBLE PRECISION,
    "storageTotal" DOUBLE PRECISION,

    CONSTRAINT "ClusterHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClusterHistoryHourly" (
    "clusterId" UUID NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "samples" INTEGER NOT NULL,
    "downSamples" INTEGER NOT NULL,
    "worstHealth" "ClusterHealth" NOT NULL,
    "nodesOnline" DOUBLE PRECISION,
    "nodesTotal" DOUBLE PRECISION,
    "guestsRunning" DOUBLE PRECISION,
    "guestsTotal" DOUBLE PRECISION,
    "cpuUsed" DOUBLE PRECISION,
    "cpuUsedMax" DOUBLE PRECISION,
    "cpuTotal" DOUBLE PRECISION,
    "memUsed" DOUBLE PRECISION,
    "memUsedMax" DOUBLE PRECISION,
    "memTotal" DOUBLE PRECISION,
    "storageUsed" DOUBLE PRECISION,
    "storageTotal" DOUBLE PRECISION,

    CONSTRAINT "ClusterHistoryHourly_pkey" PRIMARY KEY ("clusterId","hour")
);

-- CreateIndex
CREATE UNIQUE INDEX "Cluster_name_key" ON "Cluster"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ClusterNode_clusterId_name_key" ON "ClusterNode"("clusterId", "name");

-- CreateIndex
CREATE INDEX "Guest_clusterId_status_idx" ON "Guest"("clusterId", "status");

-- CreateIndex
CREATE INDEX "Guest_clusterId_node_idx" ON "Guest"("clusterId", "node");

-- CreateIndex
CREATE INDEX "Guest_clusterId_type_idx" ON "Guest"("clusterId", "type");

-- CreateIndex
CREATE INDEX "Guest_clusterId_name_idx" ON "Guest"("clusterId", "name");

-- CreateIndex
CREATE INDEX "Guest_tags_idx" ON "Guest" USING GIN ("tags");

-- CreateIndex
CREATE UNIQUE INDEX "Guest_clusterId_vmid_key" ON "Guest"("clusterId", "vmid");

-- CreateIndex
CREATE UNIQUE INDEX "Storage_clusterId_node_storage_key" ON "Storage"("clusterId", "node", "storage");

-- CreateIndex
CREATE UNIQUE INDEX "Disk_clusterId_node_devpath_key" ON "Disk"("clusterId", "node", "devpath");

-- CreateIndex
CREATE INDEX "DiskWearSample_clusterId_node_devpath_at_idx" ON "DiskWearSample"("clusterId", "node", "devpath", "at");

-- CreateIndex
CREATE UNIQUE INDEX "HaResource_clusterId_sid_key" ON "HaResource"("clusterId", "sid");

-- CreateIndex
CREATE INDEX "ClusterTask_clusterId_startedAt_idx" ON "ClusterTask"("clusterId", "startedAt");

-- CreateIndex
CREATE INDEX "ClusterTask_startedAt_idx" ON "ClusterTask"("startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ClusterTask_clusterId_upid_key" ON "ClusterTask"("clusterId", "upid");

-- CreateIndex
CREATE INDEX "ClusterHistory_clusterId_at_idx" ON "ClusterHistory"("clusterId", "at");

-- CreateIndex
CREATE INDEX "ClusterHistory_at_idx" ON "ClusterHistory"("at");

-- CreateIndex
CREATE INDEX "ClusterHistoryHourly_hour_idx" ON "ClusterHistoryHourly"("hour");

-- AddForeignKey
ALTER TABLE "ClusterNode" ADD CONSTRAINT "ClusterNode_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Guest" ADD CONSTRAINT "Guest_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Storage" ADD CONSTRAINT "Storage_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disk" ADD CONSTRAINT "Disk_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiskWearSample" ADD CONSTRAINT "DiskWearSample_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HaResource" ADD CONSTRAINT "HaResource_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterTask" ADD CONSTRAINT "ClusterTask_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterHistory" ADD CONSTRAINT "ClusterHistory_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterHistoryHourly" ADD CONSTRAINT "ClusterHistoryHourly_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

