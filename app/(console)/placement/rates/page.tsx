import Link from "next/link";
import { RatesEditor } from "@/components/placement/rates-editor";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { listRewardRates } from "@/lib/placement/workloads/queries";

export const metadata = { title: "Reward rates" };

export default async function RatesPage() {
  const user = await requirePermission("placement.view");
  const { rates, networks } = await listRewardRates();
  return (
    <>
      <PageHeader
        title="Reward rates"
        description="What a replica is expected to earn a month where the earnings ledger has no history for its network at a site or in its region. A region-specific rate wins over the one for any region."
        actions={
          <Link href="/placement" className={buttonClass("secondary")}>
            Planner
          </Link>
        }
      />
      <Card>
        <RatesEditor rates={rates} networks={networks} canManage={can(user.role, "placement.manage")} />
      </Card>
    </>
  );
}
