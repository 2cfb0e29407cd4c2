// The few number and list shapes the audit's sentences need. The reasons are sentences, not data:
// the audit also returns the numbers, and components format those for display.

const GROUPED = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

export function km(distance: number): string {
  return `${GROUPED.format(Math.round(distance))} km`;
}

export function gigabytes(bytes: number): string {
  return `${GROUPED.format(Math.round(bytes / 1e9))} GB`;
}

/** "Paris", "Paris and Lyon", "Paris, Lyon and Madrid". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Like listOf, but a long list names the first few and counts the rest. */
export function shortList(items: readonly string[], max = 3): string {
  if (items.length <= max + 1) return listOf(items);
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Grids and ISPs are free text typed by admins: "Orange Business" and "orange business " match. */
export function sameLabel(a: string | null, b: string | null): boolean | null {
  if (!a?.trim() || !b?.trim()) return null;
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
