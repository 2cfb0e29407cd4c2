"use client";
import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/result";
import { sameOriginPath } from "@/lib/auth/callback-url";
import { ActionForm } from "./action-form";

/** next-auth's sign-in, answered like a server action so the form handles it like any other. */
async function signInWith(form: FormData): Promise<ActionResult<null>> {
  const result = await signIn("credentials", {
    redirect: false,
    email: String(form.get("email") ?? ""),
    password: String(form.get("password") ?? ""),
  });
  if (result && !result.error) return { ok: true, data: null };
  const message =
    result?.error && result.error !== "CredentialsSignin" ? result.error : "Email or password is incorrect.";
  return { ok: false, code: "unauthenticated", message };
}

export function LoginForm() {
  const router = useRouter();
  const params = useSearchParams();
  return (
    <ActionForm
      className="space-y-4"
      action={signInWith}
      submitLabel="Sign in"
      submitClassName="w-full"
      // Only a path on this origin: never bounce a signed-in member to another site.
      onSuccess={() => router.replace(sameOriginPath(params.get("callbackUrl"), window.location.origin))}
    >
      {() => (
        <>
          <TextField label="Email" name="email" type="email" autoComplete="username" required maxLength={254} />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={200}
          />
        </>
      )}
    </ActionForm>
  );
}
