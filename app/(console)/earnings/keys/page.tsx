import { ApiKeysPanel } from "@/components/earnings/api-keys-panel";
import { NetworkForm } from "@/components/earnings/network-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { listApiKeys, listNetworks } from "@/lib/earnings/import-queries";

export const metadata = { title: "Earnings settings" };

export default async function EarningsSettingsPage() {
  // Both cards are admin matters: keys and networks share the one permission check of the page.
  await requirePermission("earnings.manage-keys");
  const [keys, networks] = await Promise.all([listApiKeys(), listNetworks()]);
  return (
    <>
      <PageHeader
        title="Earnings settings"
        description="API keys for scripts: POST /api/v1/revenue and /api/v1/prices, up to 10,000 items a request. A key is shown once; only its hash is stored."
      />
      <div className="space-y-6">
        <Card title="API keys">
          <ApiKeysPanel
            origin={env().APP_URL}
            keys={keys.map((k) => ({
              ...k,
              createdAt: k.createdAt.toISOString(),
              revokedAt: k.revokedAt?.toISOString() ?? null,
              lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
            }))}
          />
        </Card>
        <Card title="Networks">
          <NetworkForm networks={networks} />
        </Card>
      </div>
    </>
  );
}
