import { NotBuilt } from "@/components/ui/not-built";

export const metadata = { title: "Governance" };

export default function Page() {
  return <NotBuilt title="Governance" issue={7} purpose="Proposals with weighted voting, quorum and threshold, and implementation in phases." />;
}
