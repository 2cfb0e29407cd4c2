-- CreateEnum
CREATE TYPE "ProposalType" AS ENUM ('technical', 'economic', 'emergency');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('draft', 'open', 'passed', 'rejected', 'cancelled', 'implementing', 'done');

-- CreateEnum
CREATE TYPE "VoteChoice" AS ENUM ('for', 'against', 'abstain');

-- CreateTable
CREATE TABLE "Proposal" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "type" "ProposalType" NOT NULL,
    "status" "ProposalStatus" NOT NULL DEFAULT 'draft',
    "authorId" UUID NOT NULL,
    "opensAt" TIMESTAMPTZ(3) NOT NULL,
    "closesAt" TIMESTAMPTZ(3) NOT NULL,
    "quorumPct" INTEGER NOT NULL DEFAULT 50,
    "thresholdPct" INTEGER NOT NULL DEFAULT 67,
    "weightClusterStake" INTEGER NOT NULL DEFAULT 40,
    "weightExpertise" INTEGER NOT NULL DEFAULT 30,
    "weightEconomic" INTEGER NOT NULL DEFAULT 30,
    "effectiveWeights" JSONB,
    "concernsClusters" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "enactedAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "resultFor" INTEGER,
    "resultAgainst" INTEGER,
    "resultAbstain" INTEGER,
    "resultEligible" INTEGER,
    "implementationStartedAt" TIMESTAMPTZ(3),
    "doneAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalPhase" (
    "id" UUID NOT NULL,
    "proposalId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ProposalPhase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalVoter" (
    "proposalId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "weight" INTEGER NOT NULL,
    "clusterStakeShare" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "expertiseShare" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "economicShare" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "ProposalVoter_pkey" PRIMARY KEY ("proposalId","userId")
);

-- CreateTable
CREATE TABLE "Vote" (
    "proposalId" UUID NOT NULL,
    "voterId" UUID NOT NULL,
    "choice" "VoteChoice" NOT NULL,
    "castAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Vote_pkey" PRIMARY KEY ("proposalId","voterId")
);

-- CreateTable
CREATE TABLE "MemberExpertise" (
    "userId" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MemberExpertise_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "ClusterAssignment" (
    "userId" UUID NOT NULL,
    "clusterId" UUID NOT NULL,
    "assignedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClusterAssignment_pkey" PRIMARY KEY ("userId","clusterId")
);

-- CreateIndex
CREATE INDEX "Proposal_status_closesAt_idx" ON "Proposal"("status", "closesAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalPhase_proposalId_position_key" ON "ProposalPhase"("proposalId", "position");

-- CreateIndex
CREATE INDEX "ClusterAssignment_clusterId_idx" ON "ClusterAssignment"("clusterId");

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalPhase" ADD CONSTRAINT "ProposalPhase_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalVoter" ADD CONSTRAINT "ProposalVoter_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalVoter" ADD CONSTRAINT "ProposalVoter_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_proposalId_voterId_fkey" FOREIGN KEY ("proposalId", "voterId") REFERENCES "ProposalVoter"("proposalId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberExpertise" ADD CONSTRAINT "MemberExpertise_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterAssignment" ADD CONSTRAINT "ClusterAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterAssignment" ADD CONSTRAINT "ClusterAssignment_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

