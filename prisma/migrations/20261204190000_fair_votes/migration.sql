-- AlterTable
ALTER TABLE "TokenPrice" ADD COLUMN     "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
-- Prices already stored have held since they were inserted (corrections were not dated until now).
UPDATE "TokenPrice" SET "changedAt" = "createdAt";

-- CreateTable
CREATE TABLE "GovernanceSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "minQuorumPct" INTEGER NOT NULL DEFAULT 10,
    "minThresholdPct" INTEGER NOT NULL DEFAULT 50,
    "minWindowHours" INTEGER NOT NULL DEFAULT 24,
    "updatedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GovernanceSettings_pkey" PRIMARY KEY ("id"),
    -- A single row of federation-wide settings, with floors that keep a vote meaningful.
    CONSTRAINT "GovernanceSettings_single_row" CHECK ("id" = 1),
    CONSTRAINT "GovernanceSettings_ranges" CHECK ("minQuorumPct" BETWEEN 0 AND 100 AND "minThresholdPct" BETWEEN 1 AND 100 AND "minWindowHours" BETWEEN 1 AND 720)
);

