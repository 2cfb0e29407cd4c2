import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCluster } from "@/test/factories";
import { rollupHistory } from "./history";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function bareCluster(): Promise<string> {
  return (await createCluster()).id;
}

describe("history downsampling", () => {
  it("rolls complete hours into hourly rows, keeps 30 days of raw and a year of hourly, and is idempotent", async () => {
    const clusterId = await bareCluster();
    const now = new Date("2026-11-28T12:30:00Z");
    const oldHour = new Date(now.getTime() - 40 * DAY);
    oldHour.setUTCMinutes(0, 0, 0);
    const recentHour = new Date("2026-11-28T10:00:00Z");
    const sample = (at: Date, cpuUsed: number, health: "healthy" | "degraded" | "down" = "healthy") =>
      health === "down"
        ? { clusterId, at, health }
        : {
            clusterId,
            at,
            health,
            nodesOnline: 3,
            nodesTotal: 3,
            guestsRunning: 10,
            guestsTotal: 12,
            cpuUsed,
            cpuTotal: 48,
            memUsed: 100,
            memTotal: 200,
            storageUsed: 5,
            storageTotal: 10,
          };
    await db.clusterHistory.createMany({
      data: [
        sample(new Date(oldHour.getTime() + 60_000), 4),
        sample(new Date(oldHour.getTime() + 120_000), 8, "degraded"),
        sample(new Date(oldHour.getTime() + 180_000), 0, "down"),
        sample(new Date(recentHour.getTime() + 60_000), 10),
        sample(new Date(recentHour.getTime() + 120_000), 20),
        // The current hour is not complete: not rolled up yet.
        sample(new Date("2026-11-28T12:05:00Z"), 30),
      ],
    });
    await db.clusterHistoryHourly.create({
      data: {
        clusterId,
        hour: new Date(now.getTime() - 400 * DAY),
        samples: 1,
        downSamples: 0,
        worstHealth: "healthy",
      },
    });

    const first = await rollupHistory(db, now);
    expect(first.hourlyDeleted).toBe(1);
    const hours = await db.clusterHistoryHourly.findMany({ where: { clusterId }, orderBy: { hour: "asc" } });
    expect(hours.map((h) => h.hour.toISOString())).toEqual([oldHour.toISOString(), recentHour.toISOString()]);
    expect(hours[0]).toMatchObject({
      samples: 3,
      downSamples: 1,
      worstHealth: "down",
      cpuUsed: 6,
      cpuUsedMax: 8,
      nodesOnline: 3,
    });
    expect(hours[1]).toMatchObject({ samples: 2, downSamples: 0, worstHealth: "healthy", cpuUsed: 15, cpuUsedMax: 20 });
    // Raw rows older than 30 days are gone; recent ones stay at full resolution.
    const raw = await db.clusterHistory.findMany({ where: { clusterId }, orderBy: { at: "asc" } });
    expect(raw).toHaveLength(3);
    expect(raw.every((r) => r.at.getTime() > now.getTime() - 30 * DAY)).toBe(true);

    await rollupHistory(db, now);
    const again = await db.clusterHistoryHourly.findMany({ where: { clusterId }, orderBy: { hour: "asc" } });
    expect(again).toEqual(hours);

    // An hour later the 12:00 hour is complete and joins the rollup.
    await rollupHistory(db, new Date(now.getTime() + HOUR));
    expect(await db.clusterHistoryHourly.count({ where: { clusterId } })).toBe(3);
  });
});
