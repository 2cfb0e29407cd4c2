"use client";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { syncClusterNowAction } from "@/lib/sync/actions";
import type { SyncOutcome } from "@/lib/sync/sync-cluster";
import { useServerAction } from "@/components/ui/use-server-action";

const SKIPPED: Record<string, string> = {
  already_running: "A sync of this cluster is already running.",
  disabled: "Sync is disabled for this cluster.",
  certificate_changed: "The certificate changed: accept the new one first.",
  not_found: "This cluster is no longer registered.",
};

export function describeOutcome(outcome: SyncOutcome): string | { error: string } {
  if (outcome.status === "ok")
    return `Synced in ${outcome.durationMs} ms: ${outcome.nodes} nodes, ${outcome.guests} guests, ${outcome.health}.`;
  if (outcome.status === "failed")
    return { error: `Sync failed (${outcome.kind.replaceAll("_", " ")}): ${outcome.message}` };
  return { error: SKIPPED[outcome.reason] ?? "Skipped." };
}

export function SyncNowButton({ clusterId, name }: { clusterId: string; name: string }) {
  const { pending, message, run } = useServerAction({ toast: false });
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        type="button"
        variant="secondary"
        pending={pending}
        aria-label={`Sync ${name} now`}
        onClick={() => run(() => syncClusterNowAction({ clusterId }), { success: describeOutcome })}
      >
        Sync now
      </Button>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
    </div>
  );
}
