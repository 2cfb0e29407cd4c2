import { InviteForm } from "@/components/team/invite-form";
import { ClusterScopeSelect } from "@/components/team/cluster-scope-select";
import { MemberRowActions } from "@/components/team/member-row-actions";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { FormattedDate } from "@/components/ui/formatted-date";
import { requirePermission } from "@/lib/auth/session";
import { mailConfigured } from "@/lib/mail";
import { revokeInvitationAction } from "@/lib/team/actions";
import { listInvitations, listMembers, memberAccess } from "@/lib/team/queries";

export const metadata = { title: "Team" };

const STATUS_TONE = { pending: "accent", accepted: "ok", revoked: "neutral", expired: "warn" } as const;

export default async function TeamPage() {
  const me = await requirePermission("team.view");
  const [members, invitations, access] = await Promise.all([listMembers(), listInvitations(), memberAccess()]);

  return (
    <>
      <PageHeader
        title="Team"
        description="Members join by invitation. Admins manage the team, clusters and settings; operators act on clusters and vote; viewers read."
      />
      <div className="space-y-6">
        <Card title="Invite a member">
          <InviteForm mailConfigured={mailConfigured()} />
        </Card>

        <Card title={`Members (${members.length})`}>
          <ul className="divide-y divide-border" aria-label="Members">
            {members.map((member) => (
              <li
                key={member.id}
                className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between"
                data-testid={`member-${member.email}`}
              >
                <div className="min-w-0">
                  <p className="truncate font-medium">
                    {member.name} {member.id === me.id && <span className="text-xs text-muted">(you)</span>}
                  </p>
                  <p className="truncate text-xs text-muted">
                    {member.email} · last sign-in{" "}
                    {member.lastSignInAt ? <FormattedDate value={member.lastSignInAt} /> : "never"} ·{" "}
                    {access.liveSessions(member.id)} active session{access.liveSessions(member.id) === 1 ? "" : "s"}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  {member.disabledAt && <Badge tone="danger">disabled</Badge>}
                  {access.lockedUntil(member.email) && <Badge tone="warn">locked</Badge>}
                  {member.role === "operator" && (
                    <ClusterScopeSelect
                      member={{
                        id: member.id,
                        name: member.name,
                        clusterScope: member.clusterScope,
                        assignedClusters: member._count.clusterStakes,
                      }}
                    />
                  )}
                  <MemberRowActions
                    member={{
                      id: member.id,
                      name: member.name,
                      role: member.role,
                      disabled: Boolean(member.disabledAt),
                      locked: access.lockedUntil(member.email) !== null,
                      liveSessions: access.liveSessions(member.id),
                    }}
                    isSelf={member.id === me.id}
                  />
                </div>
              </li>
            ))}
          </ul>
        </Card>

        <Card title="Invitations">
          {invitations.length === 0 ? (
            <p className="text-sm text-muted">No invitations yet. Invite a member above.</p>
          ) : (
            <ul className="divide-y divide-border" aria-label="Invitations">
              {invitations.map((invitation) => (
                <li
                  key={invitation.id}
                  className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between"
                  data-testid={`invitation-${invitation.email}`}
                >
                  <div className="min-w-0">
                    <p className="truncate font-medium">
                      {invitation.email} <span className="text-xs text-muted">as {invitation.role}</span>
                    </p>
                    <p className="text-xs text-muted">
                      by {invitation.invitedBy.name} · <FormattedDate value={invitation.createdAt} /> · expires{" "}
                      <FormattedDate value={invitation.expiresAt} />
                    </p>
                  </div>
                  <div className="flex items-center gap-2">
                    <Badge tone={STATUS_TONE[invitation.status]}>{invitation.status}</Badge>
                    {invitation.status === "pending" && (
                      <ConfirmActionButton
                        label="Revoke"
                        title={`Revoke the invitation for ${invitation.email}?`}
                        body="The link stops working at once. You can invite them again later."
                        confirmLabel="Revoke"
                        action={revokeInvitationAction.bind(null, { invitationId: invitation.id })}
                        success={`Invitation for ${invitation.email} revoked.`}
                      />
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
