import { NotBuilt } from "@/components/ui/not-built";

export const metadata = { title: "Earnings" };

export default function Page() {
  return <NotBuilt title="Earnings" issue={6} purpose="A ledger of revenue per cluster, network and day, imported from CSV or the ingest API, priced in fiat, net of electricity, against each tier's target." />;
}
