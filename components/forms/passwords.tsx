import { TextField } from "@/components/ui/field";

/** Refuses a form whose password and its repetition (`confirm`) differ, before the server sees it. */
export function passwordsDiffer(form: FormData, field: string): Record<string, string[]> | null {
  return form.get(field) === form.get("confirm") ? null : { confirm: ["The two passwords differ."] };
}

/** A new password under the rules the server enforces, and its repetition that `passwordsDiffer` compares. */
export function NewPasswordFields({
  name,
  label,
  fieldErrors,
}: {
  name: string;
  label: string;
  fieldErrors: Record<string, string[] | undefined>;
}) {
  return (
    <>
      <TextField
        label={label}
        name={name}
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        maxLength={200}
        hint="At least 12 characters."
        errors={fieldErrors[name]}
      />
      <TextField
        label={`${label} again`}
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        errors={fieldErrors.confirm}
      />
    </>
  );
}
