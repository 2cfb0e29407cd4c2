import { NotBuilt } from "@/components/ui/not-built";

export const metadata = { title: "Overview" };

export default function OverviewPage() {
  return (
    <NotBuilt
      title="Federation overview"
      issue={4}
      purpose="Totals across every registered cluster (up, degraded, down; nodes; guests; CPU, memory and storage), a card per cluster with its health and staleness, and recent tasks and problems. It needs the cluster registry and the background sync."
    />
  );
}
