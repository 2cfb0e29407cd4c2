export default function PlacementLoading() {
  return (
    <div aria-busy="true" aria-label="Computing the plan" className="space-y-4">
      <div className="h-8 w-56 animate-pulse rounded bg-border" />
      <p className="text-sm text-muted">Computing the plan…</p>
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="h-24 animate-pulse rounded-lg bg-border/60" />
        <div className="h-24 animate-pulse rounded-lg bg-border/60" />
        <div className="h-24 animate-pulse rounded-lg bg-border/60" />
      </div>
      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <div className="h-72 animate-pulse rounded-lg bg-border/60" />
        <div className="h-72 animate-pulse rounded-lg bg-border/60" />
      </div>
    </div>
  );
}
