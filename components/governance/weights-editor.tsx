"use client";
// What a member brings into economic votes: an expertise score and the clusters they hold a stake
// in. Changes apply to votes opened afterwards; open votes keep their snapshot.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inlineControlClass } from "@/components/ui/field";
import { setClusterAssignmentsAction, setExpertiseAction } from "@/lib/governance/actions";
import { useServerAction } from "@/components/ui/use-server-action";

export interface WeightMember {
  id: string;
  name: string;
  email: string;
  role: string;
  expertise: number;
  clusterIds: string[];
}

export function WeightsRow({
  member,
  clusters,
}: {
  member: WeightMember;
  clusters: { id: string; name: string; siteName: string }[];
}) {
  // The outcome shows inline, beside the control that caused it.
  const { pending, message, run } = useServerAction({ toast: false });
  const error = message?.text ?? null;
  const [score, setScore] = useState(String(member.expertise));
  const [assigned, setAssigned] = useState(new Set(member.clusterIds));
  const [saved, setSaved] = useState(false);
  const dirtyClusters = assigned.size !== member.clusterIds.length || member.clusterIds.some((id) => !assigned.has(id));

  return (
    <li className="space-y-2 py-3" data-testid={`weights-${member.email}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <p className="truncate font-medium">{member.name}</p>
          <p className="truncate text-xs text-muted">
            {member.email} · {member.role}
          </p>
        </div>
        <form
          className="flex items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            setSaved(false);
            run(() => setExpertiseAction({ userId: member.id, score }), { onSuccess: () => setSaved(true) });
          }}
        >
          <label className="text-sm" htmlFor={`score-${member.id}`}>
            Expertise
          </label>
          <input
            id={`score-${member.id}`}
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            value={score}
            onChange={(e) => setScore(e.target.value)}
            className={`${inlineControlClass} w-20`}
          />
          <Button type="submit" variant="secondary" pending={pending}>
            Save
          </Button>
        </form>
      </div>
      {clusters.length > 0 && (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          {clusters.map((cluster) => (
            <label key={cluster.id} className="inline-flex items-center gap-1">
              <input
                type="checkbox"
                checked={assigned.has(cluster.id)}
                onChange={(e) => {
                  const next = new Set(assigned);
                  if (e.target.checked) next.add(cluster.id);
                  else next.delete(cluster.id);
                  setAssigned(next);
                }}
              />
              {cluster.name} <span className="text-xs text-muted">({cluster.siteName})</span>
            </label>
          ))}
          {dirtyClusters && (
            <Button
              type="button"
              variant="secondary"
              pending={pending}
              onClick={() =>
                run(() => setClusterAssignmentsAction({ userId: member.id, clusterIds: [...assigned] }), {
                  onSuccess: () => setSaved(true),
                })
              }
            >
              Save clusters
            </Button>
          )}
        </div>
      )}
      <p role="status" aria-live="polite" className="text-xs">
        {error ? <span className="text-danger">{error}</span> : saved ? <span className="text-ok">Saved.</span> : null}
      </p>
    </li>
  );
}
