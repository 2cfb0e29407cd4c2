// Stable colours per series: theme tokens first, then fixed hues, so a network keeps its colour
// between charts and filters.
const COLORS = ["var(--color-accent)", "#e07a1f", "#2f9e6a", "#b03fb0", "#d4a21a", "#3a7bd5", "#c2410c", "#64748b"];

export function colorAt(index: number): string {
  return COLORS[index % COLORS.length] ?? "#64748b";
}
