"use client";
// A workload's guests: those it has now (by its tag or assigned here) and a picker of guests that
// belong to no workload. A guest found by tag leaves by losing the tag in Proxmox, not here.
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useServerAction } from "@/components/ui/use-server-action";
import type { ActionResult } from "@/lib/actions/result";
import { assignGuestsAction, unassignGuestAction } from "@/lib/placement/workloads/actions";
import type { WorkloadDetail } from "@/lib/placement/workloads/queries";
import { EmptyState } from "@/components/ui/empty-state";

export function WorkloadGuests({ detail, canManage }: { detail: WorkloadDetail; canManage: boolean }) {
  // The outcome shows inline, above the assign button.
  const action = useServerAction({ toast: false });
  const { pending, message } = action;
  const run = (call: () => Promise<ActionResult<unknown>>, ok: string) => action.run(call, { success: ok });

  return (
    <div className="space-y-5">
      {detail.members.length === 0 ? (
        <EmptyState>No guests yet: give guests the workload&apos;s tag in Proxmox, or assign them below.</EmptyState>
      ) : (
        <ul className="divide-y divide-border" aria-label="Guests of this workload">
          {detail.members.map((g) => (
            <li
              key={`${g.clusterId}:${g.vmid}`}
              className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
            >
              <span>
                <span className="font-medium">{g.name}</span>{" "}
                <span className="text-muted">
                  ({g.vmid}) on {g.clusterName}
                </span>{" "}
                <Badge tone={g.via === "tag" ? "accent" : "neutral"}>{g.via === "tag" ? "by tag" : "assigned"}</Badge>
              </span>
              {canManage && g.via === "assigned" && (
                <Button
                  variant="ghost"
                  pending={pending}
                  onClick={() =>
                    run(() => unassignGuestAction({ clusterId: g.clusterId, vmid: g.vmid }), `${g.name} removed.`)
                  }
                >
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <form
          className="space-y-3 border-t border-border pt-4"
          onSubmit={(event) => {
            event.preventDefault();
            const guests = new FormData(event.currentTarget)
              .getAll("guest")
              .map(String)
              .map((value) => {
                const [clusterId = "", vmid = ""] = value.split(":");
                return { clusterId, vmid: Number(vmid) };
              });
            run(
              () => assignGuestsAction({ workloadId: detail.workload.id, guests }),
              `${guests.length} guest(s) assigned.`,
            );
          }}
        >
          <h3 className="text-sm font-semibold">Assign guests</h3>
          {detail.candidates.length === 0 ? (
            <p className="text-sm text-muted">No guest outside a workload matches.</p>
          ) : (
            <div className="grid max-h-80 gap-1 overflow-y-auto sm:grid-cols-2">
              {detail.candidates.map((g) => (
                <label key={`${g.clusterId}:${g.vmid}`} className="flex min-h-9 items-center gap-2 text-sm">
                  <input type="checkbox" name="guest" value={`${g.clusterId}:${g.vmid}`} className="size-4" />
                  <span>
                    {g.name}{" "}
                    <span className="text-muted">
                      ({g.vmid}, {g.clusterName})
                    </span>
                  </span>
                </label>
              ))}
            </div>
          )}
          {detail.moreCandidates > 0 && (
            <p className="text-xs text-muted">{detail.moreCandidates} more: search to narrow the list.</p>
          )}
          {message && <Notice tone={message.tone}>{message.text}</Notice>}
          {detail.candidates.length > 0 && (
            <Button type="submit" variant="secondary" pending={pending}>
              Assign selected
            </Button>
          )}
        </form>
      )}
    </div>
  );
}
