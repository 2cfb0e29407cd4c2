-- Trust mode per cluster (pinned to a fingerprint, or verified by a CA for ACME certificates) and
-- the per-target migration token. Existing clusters become "pinned" with their current
-- fingerprint: the column default does exactly that, and their fingerprint column is unchanged.

-- CreateEnum
CREATE TYPE "ClusterTrustMode" AS ENUM ('pinned', 'ca');

-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN     "migrationTokenId" TEXT,
ADD COLUMN     "migrationTokenSecretCiphertext" TEXT,
ADD COLUMN     "migrationTokenSecretIv" TEXT,
ADD COLUMN     "migrationTokenSecretKeyId" TEXT,
ADD COLUMN     "migrationTokenSecretTag" TEXT,
ADD COLUMN     "trustMode" "ClusterTrustMode" NOT NULL DEFAULT 'pinned';


-- A migration token is whole or absent: its id never without its encrypted secret.
ALTER TABLE "Cluster" ADD CONSTRAINT "Cluster_migrationToken_whole" CHECK (
  ("migrationTokenId" IS NULL) = ("migrationTokenSecretCiphertext" IS NULL)
  AND ("migrationTokenId" IS NULL) = ("migrationTokenSecretIv" IS NULL)
  AND ("migrationTokenId" IS NULL) = ("migrationTokenSecretTag" IS NULL)
  AND ("migrationTokenId" IS NULL) = ("migrationTokenSecretKeyId" IS NULL)
);
