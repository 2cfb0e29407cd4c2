import { ApiKeysPanel } from "@/components/earnings/api-keys-panel";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { listApiKeys } from "@/lib/earnings/import-queries";

export const metadata = { title: "Earnings API keys" };

export default async function ApiKeysPage() {
  await requirePermission("earnings.manage-keys");
  const keys = await listApiKeys();
  return (
    <>
      <PageHeader title="Earnings API keys" description="Scripts send revenue to POST /api/v1/revenue with one of these keys (up to 10,000 entries a request). A key is shown once; only its hash is stored." />
      <Card>
        <ApiKeysPanel
          origin={env().APP_URL}
          keys={keys.map((k) => ({ ...k, createdAt: k.createdAt.toISOString(), revokedAt: k.revokedAt?.toISOString() ?? null, lastUsedAt: k.lastUsedAt?.toISOString() ?? null }))}
        />
      </Card>
    </>
  );
}
