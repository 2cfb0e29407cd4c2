"use client";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { updateClusterAction } from "@/lib/clusters/actions";
import type { ClusterForEdit } from "@/lib/clusters/queries";
import { SiteFields, siteValues } from "./site-fields";
import { useActionRunner } from "./use-action-runner";

export function EditClusterForm({ cluster }: { cluster: ClusterForEdit }) {
  const { pending, message, fieldErrors, run } = useActionRunner();
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        run(
          () => updateClusterAction({ clusterId: cluster.id, ...siteValues(form) }),
          () => "Saved.",
        );
      }}
    >
      <SiteFields defaults={cluster} errors={fieldErrors} />
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <Button type="submit" pending={pending}>
        Save
      </Button>
    </form>
  );
}
