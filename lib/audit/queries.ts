import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { publicKeyBase64 } from "./checkpoint";
import { auditSigningKey, latestCheckpoint } from "./checkpoints";
import type { AuditFilter } from "./schemas";

export const AUDIT_PAGE_SIZE = 50;

export function auditWhere(filter: AuditFilter): Prisma.AuditEventWhereInput {
  // Each condition is added only when its filter is set: an `undefined` in a Prisma where would be
  // dropped silently, which is what we want here, but spelling it out keeps that deliberate.
  const where: Prisma.AuditEventWhereInput[] = [];
  if (filter.actor) where.push({ actorLabel: { contains: filter.actor, mode: "insensitive" } });
  if (filter.action) where.push({ action: { contains: filter.action, mode: "insensitive" } });
  if (filter.target) {
    where.push({ OR: [{ targetId: filter.target }, { targetType: { equals: filter.target, mode: "insensitive" } }] });
  }
  if (filter.from) where.push({ at: { gte: new Date(`${filter.from}T00:00:00Z`) } });
  if (filter.to) where.push({ at: { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) } });
  return { AND: where };
}

export async function listAuditEvents(filter: AuditFilter) {
  const where = auditWhere(filter);
  const [total, events] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: { seq: "desc" },
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        seq: true,
        at: true,
        actorLabel: true,
        action: true,
        targetType: true,
        targetId: true,
        payload: true,
        hash: true,
      },
    }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    events: events.map((event) => ({ ...event, seq: event.seq.toString() })),
  };
}

/** The audit page's checkpoint panel: whether they are on, the last one, and the public key. */
export async function checkpointSummary() {
  const key = auditSigningKey();
  const [count, last] = await Promise.all([db.auditCheckpoint.count(), latestCheckpoint(db)]);
  return {
    enabled: key !== null,
    publicKey: key ? publicKeyBase64(key) : null,
    count,
    last: last ? { seq: last.seq.toString(), at: last.at, hash: last.hash } : null,
  };
}
