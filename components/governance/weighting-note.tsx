import { COMPONENT_LABELS, COMPONENTS, type ComponentWeights } from "@/lib/governance/weights";

interface Effective {
  weighted: boolean;
  effective: ComponentWeights;
  dropped: (keyof ComponentWeights)[];
  equalFallback: boolean;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Says plainly which weighting applies, including components that could not be used. */
export function WeightingNote({
  type,
  configured,
  effective,
}: {
  type: string;
  configured: ComponentWeights;
  effective: Effective | null;
}) {
  if (type !== "economic") {
    return (
      <p className="text-sm text-muted">
        {type === "technical" ? "Technical" : "Ratification"} votes: operators and admins, one member one vote.
      </p>
    );
  }
  const list = (w: ComponentWeights) =>
    COMPONENTS.map((c) => `${COMPONENT_LABELS[c]} ${Math.round(w[c] * 10) / 10} %`).join(", ");
  if (!effective)
    return (
      <p className="text-sm text-muted">
        Weighting set for this proposal: {list(configured)}. Weights are computed and frozen when voting opens.
      </p>
    );
  return (
    <div className="space-y-1 text-sm" data-testid="weighting-note">
      <p>Set for this proposal: {list(configured)}.</p>
      {effective.dropped.length > 0 && (
        <p className="text-warn">
          {capitalise(effective.dropped.map((c) => COMPONENT_LABELS[c]).join(" and "))}{" "}
          {effective.dropped.length === 1 ? "was" : "were"} 0 for every member when voting opened, so{" "}
          {effective.dropped.length === 1 ? "it" : "they"} could not be shared out and{" "}
          {effective.dropped.length === 1 ? "was" : "were"} left out.
        </p>
      )}
      {effective.equalFallback ? (
        <p className="text-warn">No component could be used, so every eligible member weighs the same.</p>
      ) : (
        <p>Applied: {list(effective.effective)}.</p>
      )}
    </div>
  );
}
