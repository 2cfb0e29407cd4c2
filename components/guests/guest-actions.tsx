"use client";
// A guest's action menu: start at once; shutdown, reboot, stop and migrate after a confirmation
// that says what happens. Each returns a Proxmox task that TaskProgress follows to its end.
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import { guestMigrateAction, guestPowerAction } from "@/lib/guest-actions/actions";
import type { GuestPowerAction } from "@/lib/guest-actions/schemas";
import type { StartedTask } from "@/lib/guest-actions/mutations";
import { MigrateForm } from "./migrate-form";
import { TaskProgress, type FollowedTask } from "./task-progress";

export interface GuestForActions {
  clusterId: string;
  vmid: number;
  name: string;
  type: "qemu" | "lxc";
  status: "running" | "stopped" | "paused" | "unknown";
  template: boolean;
}

type Choice = GuestPowerAction | "migrate";

const LABEL: Record<Choice, string> = { start: "Start", shutdown: "Shut down", reboot: "Reboot", stop: "Stop", migrate: "Migrate" };

const CONFIRM: Record<Exclude<Choice, "start" | "migrate">, (name: string) => string> = {
  shutdown: (name) => `Ask ${name}'s operating system to shut down cleanly. Its workloads stop until it is started again.`,
  reboot: (name) => `Restart ${name}. Its workloads are interrupted while it reboots.`,
  stop: (name) => `Stop ${name} immediately, like pulling the power: unsaved data in the guest is lost.`,
};

function choicesFor(guest: GuestForActions): Choice[] {
  if (guest.template) return [];
  if (guest.status === "running") return ["shutdown", "reboot", "stop", "migrate"];
  if (guest.status === "stopped") return ["start", "migrate"];
  if (guest.status === "paused") return ["stop"];
  return [];
}

export function GuestActions({ guest }: { guest: GuestForActions }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const [confirming, setConfirming] = useState<Choice | null>(null);
  const [task, setTask] = useState<FollowedTask | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const choices = choicesFor(guest);

  function run(label: string, call: () => Promise<ActionResult<StartedTask>>): void {
    setError(null);
    setTask(null);
    startTransition(async () => {
      const result = await call();
      if (!result.ok) return setError(result.message);
      setTask({ ...result.data, label });
    });
  }

  function choose(choice: Choice): void {
    setMenuOpen(false);
    if (choice === "start") return run(LABEL.start, () => guestPowerAction({ clusterId: guest.clusterId, vmid: guest.vmid, action: "start" }));
    setConfirming(choice);
    dialog.current?.showModal();
  }

  function close(): void {
    dialog.current?.close();
    setConfirming(null);
  }

  if (choices.length === 0) return null;
  return (
    <div className="relative">
      <Button type="button" variant="secondary" className="min-h-8 px-3 text-xs" pending={pending} aria-haspopup="menu" aria-expanded={menuOpen} aria-label={`Actions for ${guest.name}`} onClick={() => setMenuOpen((v) => !v)}>
        Actions
      </Button>
      {menuOpen && (
        <ul role="menu" aria-label={`Actions for ${guest.name}`} className="absolute right-0 z-10 mt-1 min-w-36 rounded-md border border-border bg-surface py-1 shadow-lg">
          {choices.map((choice) => (
            <li key={choice} role="none">
              <button type="button" role="menuitem" onClick={() => choose(choice)} className={`block w-full px-3 py-2 text-left text-sm hover:bg-bg ${choice === "stop" ? "text-danger" : ""}`}>
                {LABEL[choice]}
              </button>
            </li>
          ))}
        </ul>
      )}
      <dialog ref={dialog} onClose={() => setConfirming(null)} className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-lg border border-border bg-surface p-5 text-left text-text backdrop:bg-black/50" aria-label={confirming ? `${LABEL[confirming]} ${guest.name}` : undefined}>
        {confirming === "migrate" && (
          <MigrateForm
            clusterId={guest.clusterId}
            vmid={guest.vmid}
            name={guest.name}
            onCancel={close}
            onMigrate={(target, online) => {
              close();
              run(`Migrate to ${target}`, () => guestMigrateAction({ clusterId: guest.clusterId, vmid: guest.vmid, target, online }));
            }}
          />
        )}
        {confirming && confirming !== "migrate" && confirming !== "start" && (
          <>
            <h2 className="text-lg font-semibold">
              {LABEL[confirming]} {guest.name}?
            </h2>
            <p className="mt-2 text-sm text-muted">{CONFIRM[confirming](guest.name)}</p>
            <div className="mt-5 flex justify-end gap-2">
              <Button type="button" variant="secondary" onClick={close}>
                Cancel
              </Button>
              <Button
                type="button"
                variant={confirming === "stop" ? "danger" : "primary"}
                onClick={() => {
                  const action = confirming;
                  close();
                  run(LABEL[action], () => guestPowerAction({ clusterId: guest.clusterId, vmid: guest.vmid, action }));
                }}
              >
                {LABEL[confirming]}
              </Button>
            </div>
          </>
        )}
      </dialog>
      {error && (
        <p role="status" aria-live="polite" className="mt-1 max-w-64 break-words text-xs text-danger" data-testid={`action-error-${guest.vmid}`}>
          {error}
        </p>
      )}
      {task && <TaskProgress key={task.upid} task={task} onDismiss={() => setTask(null)} />}
    </div>
  );
}
