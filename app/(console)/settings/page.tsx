import { ChangePasswordForm } from "@/components/forms/change-password-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePermission("account.change-password");
  return (
    <>
      <PageHeader title="Settings" description={`Signed in as ${user.email} (${user.role}).`} />
      <Card title="Change your password">
        <ChangePasswordForm />
      </Card>
    </>
  );
}
