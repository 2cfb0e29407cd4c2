"use client";
import { ActionForm } from "@/components/forms/action-form";
import { updateClusterAction } from "@/lib/clusters/actions";
import type { ClusterForEdit } from "@/lib/clusters/queries";
import { SiteFields, siteValues } from "./site-fields";

export function EditClusterForm({ cluster }: { cluster: ClusterForEdit }) {
  return (
    <ActionForm
      className="space-y-4"
      action={(form) => updateClusterAction({ clusterId: cluster.id, ...siteValues(form) })}
      submitLabel="Save"
      success="Saved."
    >
      {(fieldErrors) => <SiteFields defaults={cluster} errors={fieldErrors} />}
    </ActionForm>
  );
}
