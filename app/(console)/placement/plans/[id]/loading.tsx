export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading the plan" className="space-y-3">
      <div className="h-8 w-56 animate-pulse rounded bg-border/60" />
      {[0, 1, 2].map((i) => (
        <div key={i} className="h-20 animate-pulse rounded-lg border border-border bg-surface" />
      ))}
    </div>
  );
}
