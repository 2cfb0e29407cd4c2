import { redirect } from "next/navigation";
import { Suspense } from "react";
import { LoginForm } from "@/components/forms/login-form";
import { Card } from "@/components/ui/card";
import { getSessionUser } from "@/lib/auth/session";

export const metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage() {
  if (await getSessionUser()) redirect("/");
  return (
    <Card title="Sign in">
      <Suspense>
        <LoginForm />
      </Suspense>
      <p className="mt-4 text-xs text-muted">Accounts are created by invitation from an admin.</p>
    </Card>
  );
}
