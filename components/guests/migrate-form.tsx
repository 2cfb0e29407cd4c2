"use client";
// The migration node picker: asks Proxmox's precheck which nodes can take the guest and why the
// others cannot, before anything is moved.
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import type { MigratePrecheck } from "@/lib/guest-actions/precheck";
import { guestMigratePrecheckAction } from "@/lib/guest-actions/actions";

type State = { phase: "loading" } | { phase: "error"; message: string } | { phase: "ready"; precheck: MigratePrecheck };

export function MigrateForm({
  clusterId,
  vmid,
  onCancel,
  onMigrate,
}: {
  clusterId: string;
  vmid: number;
  onCancel: () => void;
  onMigrate: (target: string, online: boolean) => void;
}) {
  const [state, setState] = useState<State>({ phase: "loading" });
  const [target, setTarget] = useState<string | null>(null);
  const [online, setOnline] = useState(true);

  useEffect(() => {
    let current = true;
    void guestMigratePrecheckAction({ clusterId, vmid }).then((result) => {
      if (!current) return;
      if (!result.ok) return setState({ phase: "error", message: result.message });
      setState({ phase: "ready", precheck: result.data });
      setTarget(result.data.nodes.find((n) => n.allowed)?.node ?? null);
    });
    return () => {
      current = false;
    };
  }, [clusterId, vmid]);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (target) onMigrate(target, online);
      }}
    >
      {state.phase === "loading" && <p className="mt-2 text-sm text-muted">Asking Proxmox which nodes can take it…</p>}
      {state.phase === "error" && <p className="mt-2 text-sm text-danger">{state.message}</p>}
      {state.phase === "ready" && (
        <div className="mt-3 space-y-3 text-sm">
          <fieldset className="space-y-2">
            <legend className="mb-1 font-medium">Target node</legend>
            {state.precheck.nodes.length === 0 && <p className="text-muted">This cluster has no other node.</p>}
            {state.precheck.nodes.map((node) => (
              <label
                key={node.node}
                className={`flex items-start gap-2 rounded-md border border-border p-2 ${node.allowed ? "" : "opacity-60"}`}
              >
                <input
                  type="radio"
                  name="target"
                  value={node.node}
                  disabled={!node.allowed}
                  checked={target === node.node}
                  onChange={() => setTarget(node.node)}
                  className="mt-1"
                />
                <span>
                  <span className="font-medium">{node.node}</span>
                  {node.reasons.length > 0 && (
                    <span className="block text-xs text-danger">{node.reasons.join("; ")}</span>
                  )}
                </span>
              </label>
            ))}
          </fieldset>
          {state.precheck.running && (
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={online} onChange={(e) => setOnline(e.target.checked)} />
              Live migration (keeps it running)
            </label>
          )}
          {state.precheck.notes.length > 0 && (
            <ul className="list-disc pl-5 text-xs text-muted">
              {state.precheck.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="mt-5 flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={state.phase !== "ready" || !target}>
          Migrate
        </Button>
      </div>
    </form>
  );
}
