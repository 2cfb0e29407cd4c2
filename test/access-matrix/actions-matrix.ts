// The role × action matrix: one entry per exported server action, keyed "module#export". Who is
// allowed is the product's rule (lib/auth/permissions.ts for roles, lib/auth/cluster-scope.ts for
// clusters): ON_X entries touch cluster X, which only one of the two limited operators is assigned.
import { KNOWN_PASSWORD } from "@/test/factories";
import { proposalInput } from "@/test/governance";
import { workloadForm } from "@/test/placement-workloads";
import { site } from "@/test/simulator-registration";
import { ADMIN, MEMBERS, ON_X, PUBLIC, STAFF, type ActionEntry } from "./entry";
import * as f from "./fixtures";
import { TRUST_ACTIONS } from "./trust-actions-matrix";

const day = (offset = 1) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
// Distinct guests of the simulated cluster per persona, so each allowed call starts its own task.
const vmidFor = (as: string) => (as === "admin" ? 102 : 101);

export const ACTION_MATRIX: Record<string, ActionEntry> = {
  "lib/audit/actions.ts#verifyAuditChainAction": { allow: ADMIN, input: () => ({}), succeeds: true },

  // The registry: admins only (admins act on every cluster).
  "lib/clusters/actions.ts#inspectClusterAction": {
    allow: ADMIN,
    input: (s) => ({
      apiUrl: s.sim.cluster.url,
      tokenId: "sovereign@pve!console",
      tokenSecret: "wrong-secret-12345",
      fingerprint: s.sim.cluster.fingerprint,
      trustMode: "pinned",
    }),
  },
  "lib/clusters/actions.ts#registerClusterAction": {
    allow: ADMIN,
    input: (s) => ({
      name: `reg-${f.unique()}`,
      apiUrl: "https://127.0.0.1:9",
      tokenId: "sovereign@pve!console",
      tokenSecret: "6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b",
      fingerprint: s.sim.cluster.fingerprint,
      ...site,
    }),
  },
  "lib/clusters/actions.ts#updateClusterAction": {
    allow: ADMIN,
    input: async () => {
      const c = await f.aCluster();
      return { clusterId: c.id, name: `upd-${f.unique()}`, ...site };
    },
    succeeds: true,
  },
  "lib/clusters/actions.ts#replaceClusterTokenAction": {
    allow: ADMIN,
    input: async () => ({
      clusterId: (await f.aCluster()).id,
      tokenId: "sovereign@pve!console",
      tokenSecret: "7f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b",
    }),
  },
  "lib/clusters/actions.ts#setClusterEnabledAction": {
    allow: ADMIN,
    input: async () => ({ clusterId: (await f.aCluster()).id, enabled: false }),
    succeeds: true,
  },
  "lib/clusters/actions.ts#removeClusterAction": {
    allow: ADMIN,
    input: async () => {
      const c = await f.aCluster();
      return { clusterId: c.id, confirmName: c.name };
    },
    succeeds: true,
  },
  "lib/clusters/actions.ts#acceptClusterFingerprintAction": {
    allow: ADMIN,
    input: async () => ({ clusterId: (await f.aCluster()).id, fingerprint: Array(32).fill("CD").join(":") }),
  },

  // Earnings: keys and networks are admin matters; revenue and costs are a cluster's data.
  "lib/earnings/actions.ts#createApiKeyAction": {
    allow: ADMIN,
    input: () => ({ name: `key ${f.unique()}`, scopes: ["revenue:write"] }),
    succeeds: true,
  },
  "lib/earnings/actions.ts#revokeApiKeyAction": {
    allow: ADMIN,
    input: async (s) => ({ keyId: (await f.apiKey(s.users.admin)).id }),
    succeeds: true,
  },
  "lib/earnings/actions.ts#addNetworkAction": {
    allow: ADMIN,
    input: () => {
      const id = `net-${f.unique()}`;
      return { id, name: id, defaultSymbol: "NET" };
    },
    succeeds: true,
  },
  "lib/earnings/actions.ts#addManualEntryAction": {
    allow: ON_X,
    input: (s) => ({ cluster: s.x.name, network: "helium", date: day(), amount: "1.5", externalId: f.unique() }),
    succeeds: true,
  },
  "lib/earnings/actions.ts#setElectricityCostAction": {
    allow: ON_X,
    input: (s, as) => ({ clusterId: s.x.id, day: day(as === "admin" ? 2 : 3), cost: "4.2" }),
    succeeds: true,
  },

  // Governance: proposing and voting change no cluster; starting an implementation does.
  "lib/governance/actions.ts#createProposalAction": { allow: STAFF, input: () => proposalInput(), succeeds: true },
  "lib/governance/actions.ts#updateProposalAction": {
    allow: STAFF,
    input: async (s, as) => ({
      proposalId: (await f.proposalIn(s.actor(as), "draft")).proposalId,
      proposal: proposalInput({ title: "Edited" }),
    }),
    succeeds: true,
  },
  "lib/governance/actions.ts#openVotingAction": {
    allow: STAFF,
    input: async (s, as) => ({ proposalId: (await f.proposalIn(s.actor(as), "draft")).proposalId }),
    succeeds: true,
  },
  "lib/governance/actions.ts#enactEmergencyAction": {
    allow: ADMIN,
    input: async (s) => ({ proposalId: await f.draftEmergency(s.users.admin) }),
    succeeds: true,
  },
  "lib/governance/actions.ts#cancelProposalAction": {
    allow: STAFF,
    input: async (s, as) => ({ proposalId: (await f.proposalIn(s.actor(as), "draft")).proposalId }),
    succeeds: true,
  },
  "lib/governance/actions.ts#startImplementationAction": {
    allow: ON_X,
    input: async (s, as) => ({ proposalId: (await f.proposalIn(s.actor(as), "passed", [s.x.name])).proposalId }),
    succeeds: true,
  },
  "lib/governance/actions.ts#setPhaseDoneAction": {
    allow: STAFF,
    input: async (s, as) => {
      const { proposalId, phaseId } = await f.proposalIn(s.actor(as), "implementing");
      return { proposalId, phaseId, done: true };
    },
    succeeds: true,
  },
  "lib/governance/actions.ts#completeProposalAction": {
    allow: STAFF,
    input: async (s, as) => ({ proposalId: (await f.proposalIn(s.actor(as), "implementing")).proposalId }),
  },
  "lib/governance/actions.ts#castVoteAction": {
    allow: MEMBERS,
    input: async (s) => ({ proposalId: await f.openEconomicVote(s.users.admin), choice: "for" }),
  },
  "lib/governance/actions.ts#setExpertiseAction": {
    allow: ADMIN,
    input: async () => ({ userId: (await f.someone()).id, score: 70 }),
    succeeds: true,
  },
  "lib/governance/actions.ts#setClusterAssignmentsAction": {
    allow: ADMIN,
    input: async (s) => ({ userId: (await f.someone()).id, clusterIds: [s.x.id] }),
    succeeds: true,
  },

  // Guests of cluster X: each call reaches the simulator when allowed.
  "lib/guest-actions/actions.ts#guestPowerAction": {
    allow: ON_X,
    input: (s, as) => ({ clusterId: s.x.id, vmid: vmidFor(as), action: "start" }),
    succeeds: true,
  },
  "lib/guest-actions/actions.ts#guestMigratePrecheckAction": {
    allow: ON_X,
    input: (s) => ({ clusterId: s.x.id, vmid: 100 }),
    succeeds: true,
  },
  "lib/guest-actions/actions.ts#guestMigrateAction": {
    allow: ON_X,
    input: (s, as) => ({ clusterId: s.x.id, vmid: as === "admin" ? 200 : 103, target: "pve3", online: false }),
  },
  "lib/guest-actions/actions.ts#refreshGuestAction": {
    allow: ON_X,
    input: (s) => ({ clusterId: s.x.id, vmid: 100, node: "pve1" }),
    succeeds: true,
  },

  "lib/map/actions.ts#addMeshLinkAction": {
    allow: ADMIN,
    input: async (s) => ({ fromClusterId: (await f.aCluster()).id, toClusterId: s.y.id, measuredLatencyMs: "12" }),
    succeeds: true,
  },
  "lib/map/actions.ts#removeMeshLinkAction": {
    allow: ADMIN,
    input: async (s) => ({ linkId: (await f.meshLink((await f.aCluster()).id, s.y.id)).id }),
    succeeds: true,
  },

  // Plans: a move touches its source and its target; these moves stay within X.
  "lib/placement/apply/actions.ts#applyMoveAction": {
    allow: ON_X,
    input: async (s, as) => ({ moveId: (await f.planMoving(s.actor(as), s.x, s.x, 100)).moveId }),
  },
  "lib/placement/apply/actions.ts#settleMoveAction": {
    allow: ON_X,
    input: async (s, as) => ({ moveId: (await f.planMoving(s.actor(as), s.x, s.x, 100)).moveId }),
  },
  "lib/placement/apply/actions.ts#skipMoveAction": {
    allow: ON_X,
    input: async (s, as) => ({ moveId: (await f.planMoving(s.actor(as), s.x, s.x, 100)).moveId }),
    succeeds: true,
  },
  "lib/placement/apply/actions.ts#applyAllMovesAction": {
    allow: ON_X,
    input: async (s, as) => ({ planId: (await f.planMoving(s.actor(as), s.x, s.x, 100)).planId }),
  },
  "lib/placement/apply/actions.ts#proposePlanAction": {
    allow: ON_X,
    input: async (s, as) => ({ planId: (await f.planMoving(s.actor(as), s.x, s.x, 100)).planId }),
    succeeds: true,
  },
  // A dry run: it reads the whole federation and changes no cluster.
  "lib/placement/plans/actions.ts#savePlanAction": { allow: STAFF, input: () => ({}) },

  // Workloads and reward rates drive the planner for the whole federation: admins.
  "lib/placement/workloads/actions.ts#createWorkloadAction": {
    allow: ADMIN,
    input: () => workloadForm(),
    succeeds: true,
  },
  "lib/placement/workloads/actions.ts#updateWorkloadAction": {
    allow: ADMIN,
    input: async () => workloadForm({ workloadId: (await f.workload()).id }),
    succeeds: true,
  },
  "lib/placement/workloads/actions.ts#deleteWorkloadAction": {
    allow: ADMIN,
    input: async () => ({ workloadId: (await f.workload()).id }),
    succeeds: true,
  },
  "lib/placement/workloads/actions.ts#assignGuestsAction": {
    allow: ADMIN,
    input: async (s) => ({ workloadId: (await f.workload()).id, guests: [{ clusterId: s.x.id, vmid: 100 }] }),
    succeeds: true,
  },
  "lib/placement/workloads/actions.ts#unassignGuestAction": {
    allow: ADMIN,
    input: (s) => ({ clusterId: s.x.id, vmid: 100 }),
  },
  "lib/placement/workloads/actions.ts#setRewardRateAction": {
    allow: ADMIN,
    input: () => ({ subject: "network:helium", region: `r-${f.unique()}`, monthlyUsdPerReplica: "12" }),
    succeeds: true,
  },
  "lib/placement/workloads/actions.ts#deleteRewardRateAction": {
    allow: ADMIN,
    input: async () => ({ subject: "network:helium", region: (await f.rewardRate()).region }),
    succeeds: true,
  },

  "lib/sync/actions.ts#syncClusterNowAction": { allow: ON_X, input: (s) => ({ clusterId: s.x.id }), succeeds: true },

  // The team: admins; accepting an invitation has no session yet; one's own password is one's own.
  "lib/team/actions.ts#inviteMemberAction": {
    allow: ADMIN,
    input: () => ({ email: `new-${f.unique()}@test.example`, role: "viewer" }),
    succeeds: true,
  },
  "lib/team/actions.ts#revokeInvitationAction": {
    allow: ADMIN,
    input: async (s) => ({ invitationId: (await f.invitation(s.users.admin)).invitationId }),
    succeeds: true,
  },
  "lib/team/actions.ts#acceptInvitationAction": {
    allow: PUBLIC,
    input: async (s) => ({
      token: (await f.invitation(s.users.admin)).token,
      name: "New member",
      password: "a long enough password",
    }),
    succeeds: true,
  },
  "lib/team/actions.ts#changeRoleAction": {
    allow: ADMIN,
    input: async () => ({ userId: (await f.someone()).id, role: "viewer" }),
    succeeds: true,
  },
  "lib/team/actions.ts#setMemberDisabledAction": {
    allow: ADMIN,
    input: async () => ({ userId: (await f.someone()).id, disabled: true }),
    succeeds: true,
  },
  // A wrong current password: allowed to try, refused by the check itself (a real change would end
  // the persona's session for the rest of the matrix).
  "lib/team/actions.ts#changeOwnPasswordAction": {
    allow: MEMBERS,
    input: () => ({ currentPassword: `${KNOWN_PASSWORD} (not)`, newPassword: "another long password" }),
  },
  "lib/team/actions.ts#setClusterScopeAction": {
    allow: ADMIN,
    input: async () => ({ userId: (await f.someone()).id, scope: "assigned" }),
    succeeds: true,
  },
  ...TRUST_ACTIONS,
};
