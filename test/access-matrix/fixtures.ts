// Rows the matrix's inputs point at, made fresh for each call so one persona's allowed call never
// spoils the next one's input.
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { newInvitationToken } from "@/lib/team/invitation-token";
import { createCluster, createMember } from "@/test/factories";
import { created, opened } from "@/test/governance";

export const unique = () => randomUUID().slice(0, 8);

/** A draft plan of one move from `from` to `to` (a guest of the simulated cluster X). */
export async function planMoving(
  author: SessionUser,
  from: { id: string; name: string },
  to: { id: string; name: string },
  vmid: number,
) {
  const plan = await db.placementPlan.create({
    data: {
      createdById: author.id,
      solver: "exact",
      objective: 1,
      netBeforeUsd: new Prisma.Decimal(10),
      netAfterUsd: new Prisma.Decimal(20),
      moves: {
        create: {
          position: 0,
          sourceClusterId: from.id,
          sourceName: from.name,
          vmid,
          guestType: "qemu",
          guestName: `qemu-${vmid}`,
          targetClusterId: to.id,
          targetName: to.name,
          gainMonthlyUsd: new Prisma.Decimal(10),
          reason: { text: "matrix", forced: false, from: {}, to: {}, ruledOut: [] },
        },
      },
    },
    select: { id: true, moves: { select: { id: true } } },
  });
  return { planId: plan.id, moveId: plan.moves[0]!.id };
}

/** A proposal authored by `author` concerning `clusters` (names), moved to `status` directly. */
export async function proposalIn(
  author: SessionUser,
  status: "draft" | "passed" | "implementing",
  clusters: string[] = [],
) {
  const id = await created(author, { concernsClusters: clusters, title: `Matrix ${unique()}` });
  if (status !== "draft")
    await db.proposal.update({
      where: { id },
      data: { status, implementationStartedAt: status === "implementing" ? new Date() : null },
    });
  const phase = await db.proposalPhase.findFirst({ where: { proposalId: id }, select: { id: true } });
  return { proposalId: id, phaseId: phase?.id };
}

/** An open economic vote: every active member is among its voters (viewers too). */
export const openEconomicVote = (author: SessionUser) =>
  opened(author, { type: "economic", title: `Vote ${unique()}` });

export async function invitation(by: SessionUser) {
  const { token, tokenHash } = newInvitationToken();
  const row = await db.invitation.create({
    data: {
      email: `invited-${unique()}@test.example`,
      role: "viewer",
      tokenHash,
      invitedById: by.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  return { token, invitationId: row.id };
}

export async function apiKey(by: SessionUser) {
  return db.apiKey.create({
    data: {
      name: `matrix ${unique()}`,
      prefix: "sov_x",
      hash: unique() + unique(),
      scopes: ["revenue:write"],
      createdById: by.id,
    },
  });
}

export const someone = () => createMember("operator");
export const aCluster = () => createCluster();

export async function meshLink(a: string, b: string) {
  const [clusterAId, clusterBId] = [a, b].sort();
  return db.meshLink.create({ data: { clusterAId: clusterAId!, clusterBId: clusterBId! } });
}

export async function workload() {
  return db.workload.create({
    data: { name: `matrix ${unique()}`, networkId: "helium", vcpu: 1, memoryMb: 512, diskGb: 1, replicas: 1 },
  });
}

export async function rewardRate() {
  return db.rewardRate.create({
    data: { subject: "network:helium", region: `r-${unique()}`, monthlyUsdPerReplica: new Prisma.Decimal(5) },
  });
}

/** A draft emergency proposal: an admin enacts it, which opens its ratification vote. */
export const draftEmergency = (author: SessionUser) =>
  created(author, { type: "emergency", title: `Urgent ${unique()}` });
