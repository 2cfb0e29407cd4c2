"use client";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { inlineControlClass } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import type { ActionResult } from "@/lib/actions/result";
import { endMemberSessionsAction, unlockMemberAction } from "@/lib/team/access-actions";
import { changeRoleAction, setMemberDisabledAction } from "@/lib/team/actions";

export function MemberRowActions({
  member,
  isSelf,
}: {
  member: { id: string; name: string; role: string; disabled: boolean; locked: boolean; liveSessions: number };
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
      {member.locked && (
        <ConfirmButton
          label="Unlock"
          variant="secondary"
          title={`Unlock ${member.name}?`}
          body="Failed sign-ins locked this account for 15 minutes. Unlock it if you know the attempts were theirs."
          confirmLabel="Unlock"
          pending={pending}
          onConfirm={() => run(() => unlockMemberAction({ userId: member.id }), `${member.name} unlocked.`)}
        />
      )}
      {!isSelf && member.liveSessions > 0 && (
        <ConfirmButton
          label="End sessions"
          title={`End all sessions of ${member.name}?`}
          body="Every device signed in as them is signed out on its next request. They can sign in again."
          confirmLabel="End sessions"
          pending={pending}
          onConfirm={() =>
            run(() => endMemberSessionsAction({ userId: member.id }), `${member.name}'s sessions ended.`)
          }
        />
      )}
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
