"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { TextField } from "@/components/ui/field";
import { acceptInvitationAction } from "@/lib/team/actions";
import { ActionForm } from "./action-form";
import { NewPasswordFields, passwordsDiffer } from "./passwords";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  return (
    <ActionForm
      className="space-y-4"
      check={(form) => passwordsDiffer(form, "password")}
      action={(form) =>
        acceptInvitationAction({ token, name: form.get("name"), password: String(form.get("password") ?? "") })
      }
      submitLabel="Join the team"
      submitClassName="w-full"
      onSuccess={async (data, element) => {
        const password = String(new FormData(element).get("password") ?? "");
        const signedIn = await signIn("credentials", { redirect: false, email: data.email, password });
        router.replace(signedIn?.ok ? "/" : "/login");
        router.refresh();
      }}
    >
      {(fieldErrors) => (
        <>
          <TextField label="Email" name="email" value={email} readOnly disabled />
          <TextField
            label="Your name"
            name="name"
            autoComplete="name"
            required
            maxLength={100}
            errors={fieldErrors.name}
          />
          <NewPasswordFields name="password" label="Password" fieldErrors={fieldErrors} />
        </>
      )}
    </ActionForm>
  );
}
