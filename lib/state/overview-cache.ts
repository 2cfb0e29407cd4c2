import "server-only";
// The overview's rows, kept in this process between syncs. Fifty people watching the overview
// (it refreshes itself every 5 s) would otherwise re-read every cluster's nodes, storages, tasks
// and guest counts for each view. The rows are the same for every member (nothing here depends on
// who asks: permissions apply where the page renders them), so one copy serves everyone.
//
// Freshness: before serving, one cheap query reads the state's version, a hash of every Cluster
// row (each sync writes its cluster's lastSyncAt or its error, registering and editing write the
// row) and of the newest task's start (a guest action started from the console). A sync in any
// process (workers, another app instance) changes it, and the next view reloads. Concurrent views
// of a new version share one reload.
import { db } from "@/lib/db";
import { loadOverviewRows, summarizeOverview, type Overview, type OverviewRows } from "./overview";

// A bound on how long rows may be kept even when the version says nothing changed, for writes that
// bypass the sync (an operator's SQL): they show within this time.
const MAX_AGE_MS = 60_000;

interface Entry {
  version: string;
  loadedAt: number;
  rows: Promise<OverviewRows>;
}

let current: Entry | undefined;

/** The state's version: changes whenever a sync, a registration or an edit touches a cluster. */
export async function overviewStateVersion(): Promise<string> {
  const [row] = await db.$queryRaw<Array<{ version: string }>>`
    SELECT md5(
      coalesce((SELECT string_agg(c::text, ',' ORDER BY c.id) FROM "Cluster" c), '') || '|' ||
      coalesce((SELECT max("startedAt")::text FROM "ClusterTask"), '')
    ) AS version`;
  return row?.version ?? "";
}

/** The overview as of `now`, from rows reloaded only when the state has changed since they were read. */
export async function getCachedOverview(now = new Date()): Promise<Overview> {
  const version = await overviewStateVersion();
  const entry = current;
  const usable = entry && entry.version === version && Date.now() - entry.loadedAt < MAX_AGE_MS;
  const rows = usable ? entry.rows : reload(version, now);
  return summarizeOverview(await rows, now);
}

function reload(version: string, now: Date): Promise<OverviewRows> {
  const entry: Entry = { version, loadedAt: Date.now(), rows: loadOverviewRows(now) };
  current = entry;
  // A failed read is not kept: the next view tries again.
  entry.rows.catch(() => {
    if (current === entry) current = undefined;
  });
  return entry.rows;
}

/** Forgets the kept rows (tests). */
export function clearOverviewCache(): void {
  current = undefined;
}
