import Link from "next/link";
import { Button } from "@/components/ui/button";
import { inlineControlClass } from "@/components/ui/field";
import { GUEST_STATUSES, GUEST_TYPES, type GuestQuery } from "@/lib/state/guest-filters";

/** A plain GET form: filtering works without JavaScript and every view has a shareable URL. */
export function GuestFilters({
  query,
  nodes,
  tags,
  basePath,
}: {
  query: GuestQuery;
  nodes: string[];
  tags: string[];
  basePath: string;
}) {
  return (
    <form
      method="get"
      action={basePath}
      role="search"
      aria-label="Filter guests"
      className="flex flex-wrap items-end gap-2"
    >
      <input
        type="search"
        name="q"
        defaultValue={query.q ?? ""}
        placeholder="Name or vmid"
        aria-label="Search guests"
        className={`${inlineControlClass} w-full sm:w-56`}
        maxLength={100}
      />
      <select
        name="status"
        defaultValue={query.status ?? ""}
        aria-label="Status"
        className={`${inlineControlClass} flex-1 sm:flex-none`}
      >
        <option value="">Any status</option>
        {GUEST_STATUSES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <select
        name="type"
        defaultValue={query.type ?? ""}
        aria-label="Type"
        className={`${inlineControlClass} flex-1 sm:flex-none`}
      >
        <option value="">VMs and containers</option>
        {GUEST_TYPES.map((t) => (
          <option key={t} value={t}>
            {t === "qemu" ? "VMs" : "Containers"}
          </option>
        ))}
      </select>
      <select
        name="node"
        defaultValue={query.node ?? ""}
        aria-label="Node"
        className={`${inlineControlClass} flex-1 sm:flex-none`}
      >
        <option value="">Any node</option>
        {nodes.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <select
        name="tag"
        defaultValue={query.tag ?? ""}
        aria-label="Tag"
        className={`${inlineControlClass} flex-1 sm:flex-none`}
      >
        <option value="">Any tag</option>
        {tags.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      {query.sort !== "name" && <input type="hidden" name="sort" value={query.sort} />}
      {query.dir !== "asc" && <input type="hidden" name="dir" value={query.dir} />}
      {query.size !== 50 && <input type="hidden" name="size" value={query.size} />}
      <Button type="submit" variant="secondary">
        Apply
      </Button>
      <Link href={basePath} className="px-2 text-sm text-accent hover:underline">
        Clear
      </Link>
    </form>
  );
}
