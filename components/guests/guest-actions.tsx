"use client";
// A guest's action menu: start at once; shutdown, reboot, stop and migrate after a confirmation
// that says what happens. Each returns a Proxmox task that TaskProgress follows to its end.
import { useEffect, useRef, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useServerAction } from "@/components/ui/use-server-action";
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

const LABEL: Record<Choice, string> = {
  start: "Start",
  shutdown: "Shut down",
  reboot: "Reboot",
  stop: "Stop",
  migrate: "Migrate",
};

const CONFIRM: Record<Exclude<Choice, "start" | "migrate">, (name: string) => string> = {
  shutdown: (name) =>
    `Ask ${name}'s operating system to shut down cleanly. Its workloads stop until it is started again.`,
  reboot: (name) => `Restart ${name}. Its workloads are interrupted while it reboots.`,
  stop: (name) => `Stop ${name} immediately, like pulling the power: unsaved data in the guest is lost.`,
};

/** Where the fixed menu goes: below its button, or above when it would run off the screen. */
function placeMenu(button: HTMLButtonElement | null, items: number): { top: number; left: number } | null {
  if (!button) return null;
  const box = button.getBoundingClientRect();
  const height = items * 36 + 8;
  const top = box.bottom + 4 + height > window.innerHeight ? Math.max(8, box.top - 4 - height) : box.bottom + 4;
  return { top, left: Math.max(8, Math.min(box.left, window.innerWidth - 168)) };
}

function choicesFor(guest: GuestForActions): Choice[] {
  if (guest.template) return [];
  if (guest.status === "running") return ["shutdown", "reboot", "stop", "migrate"];
  if (guest.status === "stopped") return ["start", "migrate"];
  if (guest.status === "paused") return ["stop"];
  return [];
}

export function GuestActions({ guest }: { guest: GuestForActions }) {
  const menuRef = useRef<HTMLUListElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Fixed position from the button's box: the table scrolls inside an overflow container, which
  // would clip an absolutely positioned menu.
  const [menuAt, setMenuAt] = useState<{ top: number; left: number } | null>(null);
  const menuOpen = menuAt !== null;
  const [confirming, setConfirming] = useState<Choice | null>(null);
  const [task, setTask] = useState<FollowedTask | null>(null);
  // A refusal shows under the button; a started task is followed by TaskProgress, which refreshes.
  const { pending, message, run: runAction } = useServerAction({ toast: false, refresh: false });
  const error = message?.text ?? null;
  const choices = choicesFor(guest);

  function run(label: string, call: () => Promise<ActionResult<StartedTask>>): void {
    setTask(null);
    runAction(call, { onSuccess: (started) => setTask({ ...started, label }) });
  }

  const items = choices.length;
  useEffect(() => {
    if (!menuOpen) return;
    const close = (event: Event): void => {
      if (event instanceof KeyboardEvent && event.key !== "Escape") return;
      if (
        event.type === "pointerdown" &&
        event.target instanceof Node &&
        (menuRef.current?.contains(event.target) || buttonRef.current?.contains(event.target))
      )
        return;
      setMenuAt(null);
    };
    // The menu is fixed to the screen: keep it beside its button when the page or table scrolls.
    const follow = (): void => setMenuAt(placeMenu(buttonRef.current, items));
    window.addEventListener("scroll", follow, true);
    window.addEventListener("resize", follow);
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", close);
    return () => {
      window.removeEventListener("scroll", follow, true);
      window.removeEventListener("resize", follow);
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("keydown", close);
    };
  }, [menuOpen, items]);

  function choose(choice: Choice): void {
    setMenuAt(null);
    if (choice === "start")
      return run(LABEL.start, () =>
        guestPowerAction({ clusterId: guest.clusterId, vmid: guest.vmid, action: "start" }),
      );
    setConfirming(choice);
  }

  function close(): void {
    setConfirming(null);
  }

  // Keep showing a followed task even when the guest now offers no action (e.g. status unknown).
  if (choices.length === 0 && !task && !error) return null;
  return (
    <div>
      <button
        ref={buttonRef}
        type="button"
        className={buttonClass("secondary", "min-h-8 px-3 text-xs")}
        disabled={pending}
        aria-busy={pending || undefined}
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        aria-label={`Actions for ${guest.name}`}
        onClick={(e) => setMenuAt(menuOpen ? null : placeMenu(e.currentTarget, items))}
      >
        {pending && (
          <span className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden />
        )}
        Actions
      </button>
      {menuAt && (
        <ul
          ref={menuRef}
          role="menu"
          aria-label={`Actions for ${guest.name}`}
          style={{ top: menuAt.top, left: menuAt.left }}
          className="fixed z-30 w-40 rounded-md border border-border bg-surface py-1 shadow-lg"
        >
          {choices.map((choice) => (
            <li key={choice} role="none">
              <button
                type="button"
                role="menuitem"
                onClick={() => choose(choice)}
                className={`block h-9 w-full px-3 text-left text-sm hover:bg-bg ${choice === "stop" ? "text-danger" : ""}`}
              >
                {LABEL[choice]}
              </button>
            </li>
          ))}
        </ul>
      )}
      <Dialog
        open={confirming !== null}
        onClose={close}
        title={
          confirming === "migrate" ? `Migrate ${guest.name}` : confirming ? `${LABEL[confirming]} ${guest.name}?` : ""
        }
      >
        {confirming === "migrate" && (
          <MigrateForm
            clusterId={guest.clusterId}
            vmid={guest.vmid}
            onCancel={close}
            onMigrate={(target, online) => {
              close();
              run(`Migrate to ${target}`, () =>
                guestMigrateAction({ clusterId: guest.clusterId, vmid: guest.vmid, target, online }),
              );
            }}
          />
        )}
        {confirming && confirming !== "migrate" && confirming !== "start" && (
          <>
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
      </Dialog>
      {error && (
        <p
          role="status"
          aria-live="polite"
          className="mt-1 max-w-64 break-words text-xs text-danger"
          data-testid={`action-error-${guest.vmid}`}
        >
          {error}
        </p>
      )}
      {task && <TaskProgress key={task.upid} task={task} onDismiss={() => setTask(null)} />}
    </div>
  );
}
