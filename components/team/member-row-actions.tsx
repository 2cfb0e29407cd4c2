"use client";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { inlineControlClass } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import type { ActionResult } from "@/lib/actions/result";
import { changeRoleAction, setMemberDisabledAction } from "@/lib/team/actions";

export function MemberRowActions({
  member,
  isSelf,
}: {
  member: { id: string; name: string; role: string; disabled: boolean };
  isSelf: boolean;
}) {
  // Outcomes arrive as toasts; the row itself shows the new role or status.
  const action = useServerAction();
  const { pending } = action;
  const run = (call: () => Promise<ActionResult<unknown>>, success: string) => action.run(call, { success });

  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <select
        aria-label={`Role of ${member.name}`}
        className={`${inlineControlClass} w-32`}
        value={member.role}
        disabled={pending}
        onChange={(event) => {
          const role = event.target.value;
          run(() => changeRoleAction({ userId: member.id, role }), `${member.name} is now ${role}.`);
        }}
      >
        <option value="viewer">viewer</option>
        <option value="operator">operator</option>
        <option value="admin">admin</option>
      </select>
      {member.disabled ? (
        <ConfirmButton
          label="Enable"
          variant="secondary"
          title={`Enable ${member.name}?`}
          body="They can sign in again with their password."
          confirmLabel="Enable"
          pending={pending}
          onConfirm={() =>
            run(() => setMemberDisabledAction({ userId: member.id, disabled: false }), `${member.name} enabled.`)
          }
        />
      ) : (
        !isSelf && (
          <ConfirmButton
            label="Disable"
            title={`Disable ${member.name}?`}
            body="Their session ends on their next request and they cannot sign in until an admin enables them."
            confirmLabel="Disable"
            pending={pending}
            onConfirm={() =>
              run(() => setMemberDisabledAction({ userId: member.id, disabled: true }), `${member.name} disabled.`)
            }
          />
        )
      )}
    </div>
  );
}
