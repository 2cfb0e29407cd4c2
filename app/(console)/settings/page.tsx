import { ChangePasswordForm } from "@/components/forms/change-password-form";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { FormattedDate } from "@/components/ui/formatted-date";
import { requirePermission } from "@/lib/auth/session";
import { endOwnSessionAction } from "@/lib/team/access-actions";
import { listOwnSessions } from "@/lib/team/queries";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePermission("account.sessions");
  const sessions = await listOwnSessions(user.id, user.sessionId);
  return (
    <>
      <PageHeader title="Settings" description={`Signed in as ${user.email} (${user.role}).`} />
      <div className="space-y-6">
        <Card title="Change your password">
          <ChangePasswordForm />
        </Card>
        <Card title="Your sessions">
          <p className="mb-2 text-sm text-muted">
            Every device signed in as you. End any you do not recognise, then change your password.
          </p>
          <ul className="divide-y divide-border" aria-label="Your sessions">
            {sessions.map((session) => (
              <li
                key={session.id}
                className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between"
                data-testid="session"
              >
                <div className="min-w-0">
                  <p className="truncate font-medium">
                    {session.device} {session.current && <Badge tone="accent">this device</Badge>}
                  </p>
                  <p className="truncate text-xs text-muted">
                    {session.address
                      ? `${session.address}${session.addressVerified ? "" : " (unverified)"}`
                      : "address unknown"}{" "}
                    · signed in <FormattedDate value={session.createdAt} /> · last seen{" "}
                    <FormattedDate value={session.lastSeenAt} />
                  </p>
                </div>
                {!session.current && (
                  <ConfirmActionButton
                    label="End session"
                    title={`End the session on ${session.device}?`}
                    body="That device is signed out on its next request."
                    confirmLabel="End session"
                    action={endOwnSessionAction.bind(null, { sessionId: session.id })}
                    success="Session ended."
                  />
                )}
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
