// The guest list over 3,000 guests: paging, filters, sorting, usage and tags.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GUESTS, seedStateFixture, TAGS, type StateFixture } from "@/test/state";
import { DEFAULT_GUEST_QUERY, parseGuestQuery } from "./guest-filters";

// The query modules guard against client bundles with "server-only", which throws outside Next.
vi.mock("server-only", () => ({}));
const { listGuests, listGuestTags } = await import("./guests");

let big: StateFixture["big"];
let small: StateFixture["small"];

beforeAll(async () => {
  ({ big, small } = await seedStateFixture());
}, 60_000);

describe("listGuests at 3,000 guests", () => {
  it("pages the default view by name", async () => {
    const page = await listGuests(big.id, parseGuestQuery({}));
    expect(page).toMatchObject({ total: GUESTS, page: 1, pageCount: 60, size: 50 });
    expect(page.rows.map((r) => r.name).slice(0, 2)).toEqual(["guest-0000", "guest-0001"]);
    const last = await listGuests(big.id, parseGuestQuery({ page: "60" }));
    expect(last.rows.at(-1)?.name).toBe("guest-2999");
    expect((await listGuests(big.id, parseGuestQuery({ page: "999" }))).page).toBe(60);
  });

  it("filters by status, node, type and tag together, and searches names and vmids", async () => {
    const filtered = await listGuests(
      big.id,
      parseGuestQuery({ status: "stopped", node: "pve1", type: "qemu", tag: "depin", size: "100" }),
    );
    // stopped: i%4==0 → node pve1 always (i%4==0); qemu: i%3!=0; tag depin: i%5==0 → i%20==0 and i%3!=0.
    const expected = Array.from({ length: GUESTS }, (_, i) => i).filter((i) => i % 20 === 0 && i % 3 !== 0).length;
    expect(filtered.total).toBe(expected);
    expect(
      filtered.rows.every(
        (r) => r.status === "stopped" && r.node === "pve1" && r.type === "qemu" && r.tags.includes("depin"),
      ),
    ).toBe(true);
    expect((await listGuests(big.id, parseGuestQuery({ q: "GUEST-29" }))).total).toBe(100);
    const byVmid = await listGuests(big.id, parseGuestQuery({ q: "1005" }));
    expect(byVmid.rows.map((r) => r.vmid)).toContain(1005);
    expect((await listGuests(small.id, parseGuestQuery({ q: "guest" }))).total).toBe(0);
  });

  it("sorts by any column with vmid breaking ties, without overlapping pages", async () => {
    const first = await listGuests(big.id, parseGuestQuery({ sort: "cpu", dir: "desc" }));
    const second = await listGuests(big.id, parseGuestQuery({ sort: "cpu", dir: "desc", page: "2" }));
    expect(first.rows[0]?.cpu).toBe(0.99);
    expect(first.rows.map((r) => r.vmid).slice(0, 3)).toEqual([1099, 1199, 1299]);
    const ids = new Set([...first.rows, ...second.rows].map((r) => r.vmid));
    expect(ids.size).toBe(100);
  });

  it("answers within the page budget", async () => {
    const started = performance.now();
    for (let i = 0; i < 5; i++)
      await listGuests(
        big.id,
        parseGuestQuery({ q: "guest-1", status: "running", sort: "mem", dir: "desc", page: "3" }),
      );
    expect((performance.now() - started) / 5).toBeLessThan(150);
  });

  it("gives no usage, not zero, for a guest the last sync did not measure", async () => {
    // The small cluster's one guest has a row but its cluster has no GuestMetrics row.
    const page = await listGuests(small.id, DEFAULT_GUEST_QUERY);
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({
      name: "edge-vm",
      status: "running",
      cpu: null,
      mem: null,
      disk: null,
      uptime: null,
    });
    const measured = await listGuests(big.id, parseGuestQuery({ q: "1001" }));
    expect(measured.rows.find((r) => r.vmid === 1001)).toMatchObject({ cpu: 0.01, mem: 1_000_000, uptime: 10 });
  });

  it("lists the tags in use", async () => {
    expect(await listGuestTags(big.id)).toEqual([...TAGS].sort());
  });
});
