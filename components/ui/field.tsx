import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { FieldError } from "./field-error";

const CONTROL_BASE =
  "min-h-10 rounded-md border border-border bg-surface px-3 text-sm focus-visible:outline-2 focus-visible:outline-accent aria-[invalid=true]:border-danger";
const CONTROL = `w-full ${CONTROL_BASE}`;

interface FieldProps {
  label: string;
  name: string;
  errors?: string[];
  hint?: ReactNode;
}

function FieldShell({ label, name, errors, hint, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && <p className="text-xs text-muted">{hint}</p>}
      <FieldError id={`${name}-error`} errors={errors} />
    </div>
  );
}

/** What ties a control to its label and its error list; the caller's own props still win. */
function controlProps(name: string, errors?: string[]) {
  return {
    id: name,
    name,
    className: CONTROL,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": `${name}-error`,
  };
}

export function TextField({ label, name, errors, hint, ...props }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell label={label} name={name} errors={errors} hint={hint}>
      <input {...controlProps(name, errors)} {...props} />
    </FieldShell>
  );
}

export function SelectField({
  label,
  name,
  errors,
  hint,
  children,
  ...props
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldShell label={label} name={name} errors={errors} hint={hint}>
      <select {...controlProps(name, errors)} {...props}>
        {children}
      </select>
    </FieldShell>
  );
}

export const controlClass = CONTROL;
/** For a control sized by its container (a select inside a row of buttons). */
export const inlineControlClass = CONTROL_BASE;
