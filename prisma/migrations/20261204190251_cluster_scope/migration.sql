-- CreateEnum
CREATE TYPE "ClusterScope" AS ENUM ('all', 'assigned');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "clusterScope" "ClusterScope" NOT NULL DEFAULT 'all';

