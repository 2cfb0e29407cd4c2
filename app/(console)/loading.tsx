export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading" className="space-y-4">
      <div className="h-8 w-48 animate-pulse rounded bg-border" />
      <div className="h-40 animate-pulse rounded-lg bg-border/60" />
    </div>
  );
}
