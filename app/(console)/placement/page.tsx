import { NotBuilt } from "@/components/ui/not-built";

export const metadata = { title: "Placement" };

export default function Page() {
  return <NotBuilt title="Placement" issue={8} purpose="Workloads with their requirements and constraints, and a plan of moves that weighs capacity, residency, redundancy, latency and net earnings." />;
}
