import { Card, PageHeader } from "./card";

/** What a capability's page says until it is built: plainly that, and what it will do. */
export function NotBuilt({ title, purpose, issue }: { title: string; purpose: string; issue: number }) {
  return (
    <>
      <PageHeader title={title} />
      <Card>
        <p className="font-medium">Not built yet.</p>
        <p className="mt-2 text-sm text-muted">{purpose}</p>
        <p className="mt-2 text-sm text-muted">It is tracked as issue #{issue}.</p>
      </Card>
    </>
  );
}
