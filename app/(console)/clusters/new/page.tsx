import { RegisterClusterForm } from "@/components/clusters/register-cluster-form";
import { PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";

export const metadata = { title: "Register a cluster" };

export default async function NewClusterPage() {
  await requirePermission("clusters.manage");
  return (
    <>
      <PageHeader
        title="Register a cluster"
        description="Sovereign checks the cluster's certificate and the token's privileges before anything is stored."
      />
      <RegisterClusterForm />
    </>
  );
}
