// Earnings changes made by members, as action definitions (bound in actions.ts): API keys,
// networks, manual revenue entries and manual electricity costs. Each is audited.
import { Prisma } from "@/generated/prisma/client";
import { defineMutation } from "@/lib/actions/execute";
import { ActionError } from "@/lib/actions/result";
import { newApiKey } from "./api-keys";
import { insertBatch, loadValidationContext, namedClusters } from "./ingest";
import {
  addNetworkInputSchema,
  createApiKeyInputSchema,
  electricityCostInputSchema,
  manualEntryInputSchema,
  revokeApiKeyInputSchema,
} from "./schemas";
import { validateEntry } from "./validate";

export const createApiKey = defineMutation({
  name: "earnings.create-api-key",
  permission: "earnings.manage-keys",
  input: createApiKeyInputSchema,
  async run({ name, scopes }, { tx, user, audit }) {
    const { key, hash, prefix } = newApiKey();
    const created = await tx.apiKey.create({ data: { name, scopes, hash, prefix, createdById: user.id } });
    // The key itself is returned once, to the admin who made it; never audited or logged.
    audit({
      action: "earnings.api-key-created",
      targetType: "api-key",
      targetId: created.id,
      payload: { name, scopes, prefix },
    });
    return { id: created.id, key, prefix };
  },
});

export const revokeApiKey = defineMutation({
  name: "earnings.revoke-api-key",
  permission: "earnings.manage-keys",
  input: revokeApiKeyInputSchema,
  async run({ keyId }, { tx, audit }) {
    const { count } = await tx.apiKey.updateMany({
      where: { id: keyId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new ActionError("conflict", "This key was already revoked or does not exist.");
    audit({ action: "earnings.api-key-revoked", targetType: "api-key", targetId: keyId });
    return { revoked: true };
  },
});

export const addNetwork = defineMutation({
  name: "earnings.add-network",
  permission: "earnings.manage-networks",
  input: addNetworkInputSchema,
  async run(input, { tx, audit }) {
    if (
      await tx.earningsNetwork.findFirst({
        where: { OR: [{ id: input.id }, { name: input.name }] },
        select: { id: true },
      })
    ) {
      throw new ActionError("conflict", "A network with this id or name exists.", { id: ["Already used."] });
    }
    await tx.earningsNetwork.create({ data: input });
    audit({
      action: "earnings.network-added",
      targetType: "earnings-network",
      targetId: input.id,
      payload: { ...input },
    });
    return { id: input.id };
  },
});

export const addManualEntry = defineMutation({
  name: "earnings.manual-entry",
  permission: "earnings.import",
  input: manualEntryInputSchema,
  clusters: ({ cluster }, tx) => namedClusters(tx, cluster),
  async run(input, { tx, user, audit }) {
    const ctx = await loadValidationContext(tx, "manual");
    const checked = validateEntry({ ...input, external_id: input.externalId }, 1, ctx);
    if ("problems" in checked) {
      const fieldErrors: Record<string, string[]> = {};
      for (const p of checked.problems)
        (fieldErrors[p.column === "external_id" ? "externalId" : p.column] ??= []).push(
          `This ${p.column.replace("_", " ")} ${p.reason}.`,
        );
      throw new ActionError("validation", "Some fields need attention.", fieldErrors);
    }
    const record = await tx.earningsImport.create({
      data: { kind: "manual", actorLabel: user.email, status: "done", finishedAt: new Date(), rowsRead: 1 },
    });
    const written = await insertBatch(tx, [checked.entry], record.id);
    await tx.earningsImport.update({
      where: { id: record.id },
      data: { imported: written.imported, duplicates: written.duplicates },
    });
    audit({
      action: "earnings.imported",
      targetType: "earnings-import",
      targetId: record.id,
      payload: {
        kind: "manual",
        imported: written.imported,
        duplicates: written.duplicates,
        day: checked.entry.day,
        networkId: checked.entry.networkId,
        clusterId: checked.entry.clusterId,
      },
    });
    return { imported: written.imported, duplicate: written.duplicates > 0 };
  },
});

export const setElectricityCost = defineMutation({
  name: "earnings.electricity-cost",
  permission: "earnings.import",
  input: electricityCostInputSchema,
  clusters: ({ clusterId }) => [clusterId],
  async run({ clusterId, day, cost: bill, kwh, note }, { tx, audit }) {
    const cluster = await tx.cluster.findUnique({ where: { id: clusterId }, select: { electricityPricePerKwh: true } });
    if (!cluster) throw new ActionError("not_found", "This cluster no longer exists.");
    const date = new Date(`${day}T00:00:00Z`);
    // Measured energy is costed at today's price per kWh and kept beside the cost it gave.
    const cost =
      kwh === undefined ? new Prisma.Decimal(bill ?? 0) : cluster.electricityPricePerKwh.mul(kwh).toDecimalPlaces(4);
    const data = { amount: cost, kwh: kwh ?? null, note: note ?? null };
    // An overwritten day keeps its previous cost (ElectricityCostRevision, by trigger); the audit
    // event names it too.
    const previous = await tx.electricityCost.findUnique({
      where: { clusterId_day: { clusterId, day: date } },
      select: { amount: true, kwh: true },
    });
    await tx.electricityCost.upsert({
      where: { clusterId_day: { clusterId, day: date } },
      create: { clusterId, day: date, ...data },
      update: data,
    });
    audit({
      action: "earnings.electricity-cost-set",
      targetType: "cluster",
      targetId: clusterId,
      payload: {
        day,
        amount: cost.toNumber(),
        kwh: kwh ?? null,
        previous: previous ? { amount: previous.amount.toNumber(), kwh: previous.kwh?.toNumber() ?? null } : null,
      },
    });
    return { saved: true, cost: cost.toNumber() };
  },
});
