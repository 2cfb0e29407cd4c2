/** The error line under an input; always rendered so the live region exists before it speaks. */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <p id={id} aria-live="polite" className="text-xs text-danger">
      {errors?.join(" ")}
    </p>
  );
}
