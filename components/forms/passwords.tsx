/** Refuses a form whose password and its repetition (`confirm`) differ, before the server sees it. */
export function passwordsDiffer(form: FormData, field: string): Record<string, string[]> | null {
  return form.get(field) === form.get("confirm") ? null : { confirm: ["The two passwords differ."] };
}
