import Link from "next/link";
import { AcceptInvitationForm } from "@/components/forms/accept-invitation-form";
import { Card } from "@/components/ui/card";
import { lookUpInvitation } from "@/lib/team/queries";

export const metadata = { title: "Join the team" };
export const dynamic = "force-dynamic";

const PROBLEMS = {
  invalid: "This invitation link is not valid. Check that you copied all of it, or ask an admin for a new one.",
  accepted: "This invitation has already been used.",
  revoked: "This invitation was revoked by an admin.",
  expired: "This invitation has expired. Invitations are valid for 7 days; ask an admin for a new one.",
} as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await lookUpInvitation(token);
  if (invitation.status !== "pending" || !invitation.email) {
    return (
      <Card title="Invitation">
        <p className="text-sm">{PROBLEMS[invitation.status === "pending" ? "invalid" : invitation.status]}</p>
        <Link href="/login" className="mt-4 inline-block text-sm text-accent hover:underline">
          Go to sign in
        </Link>
      </Card>
    );
  }
  return (
    <Card title={`Join Sovereign as ${invitation.role}`}>
      <AcceptInvitationForm token={token} email={invitation.email} />
    </Card>
  );
}
