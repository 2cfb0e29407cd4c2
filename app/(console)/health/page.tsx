import { NotBuilt } from "@/components/ui/not-built";

export const metadata = { title: "Health" };

export default function Page() {
  return (
    <NotBuilt
      title="Health"
      issue={4}
      purpose="Alerts (cluster unreachable, quorum lost, node offline, disk failure, SSD wear, storage nearly full) with acknowledge and resolve, and disk wear trends."
    />
  );
}
