// The matrix entries of the entry points issue 14 (trust) added: the certificate step of
// registration, migration tokens, purging an archived cluster, voting minimums and sessions.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { ADMIN, MEMBERS, type ActionEntry } from "./entry";
import * as f from "./fixtures";

async function anArchivedCluster() {
  const cluster = await f.aCluster();
  await db.cluster.update({ where: { id: cluster.id }, data: { archivedAt: new Date(), enabled: false } });
  return cluster;
}

export const TRUST_ACTIONS: Record<string, ActionEntry> = {
  // A TLS handshake only: no token is sent before the admin confirms the fingerprint.
  "lib/clusters/actions.ts#fetchClusterCertificateAction": {
    allow: ADMIN,
    input: (s) => ({ apiUrl: s.sim.cluster.url }),
    succeeds: true,
  },
  // Checked on the cluster first: a made-up secret is refused by Proxmox, after the role check.
  "lib/clusters/actions.ts#setMigrationTokenAction": {
    allow: ADMIN,
    input: (s) => ({ clusterId: s.x.id, tokenId: "sovereign@pve!migrate", tokenSecret: randomUUID() }),
  },
  "lib/clusters/actions.ts#purgeClusterAction": {
    allow: ADMIN,
    input: async () => {
      const cluster = await anArchivedCluster();
      return { clusterId: cluster.id, confirmation: `purge ${cluster.name}` };
    },
    succeeds: true,
  },
  // The defaults again: other test files share the database and its settings.
  "lib/governance/actions.ts#setVotingMinimumsAction": {
    allow: ADMIN,
    input: () => ({ minQuorumPct: 10, minThresholdPct: 50, minWindowHours: 24 }),
    succeeds: true,
  },
  "lib/team/access-actions.ts#unlockMemberAction": {
    allow: ADMIN,
    input: async () => ({ userId: (await f.someone()).id }),
  },
  "lib/team/access-actions.ts#endMemberSessionsAction": {
    allow: ADMIN,
    input: async () => ({ userId: (await f.someone()).id }),
    succeeds: true,
  },
  // Anyone signed in may end their own sessions; an unknown one is "already ended", not refused.
  "lib/team/access-actions.ts#endOwnSessionAction": { allow: MEMBERS, input: () => ({ sessionId: randomUUID() }) },
};
