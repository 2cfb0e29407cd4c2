-- Ledger entries keep their cluster key (deleting a cluster deletes its ledger) and drop the
-- per-row checks of network and import: the rollup row every entry is added to in the same
-- statement checks the network, and imports are never deleted. See earnings.prisma.

-- DropForeignKey
ALTER TABLE "RevenueEntry" DROP CONSTRAINT "RevenueEntry_networkId_fkey";

-- DropForeignKey
ALTER TABLE "RevenueEntry" DROP CONSTRAINT "RevenueEntry_importId_fkey";

