// Display helpers for governance numbers: queries return numbers, components format them here.

export function percent(fraction: number | null, digits = 1): string {
  if (fraction === null) return "—";
  return `${(fraction * 100).toFixed(digits).replace(/\.0+$/, "")} %`;
}

/** "3 d 4 h left", "12 min left", "closed" — coarse on purpose: it is read at a glance. */
export function timeLeft(closesAt: Date, now: Date): string {
  const ms = closesAt.getTime() - now.getTime();
  if (ms <= 0) return "voting closed";
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${Math.max(1, minutes)} min left`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min left`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h left`;
}

export const TYPE_LABELS = { technical: "Technical", economic: "Economic", emergency: "Emergency" } as const;

export const ACTION_LABELS: Record<string, string> = {
  "governance.proposal-created": "Created",
  "governance.proposal-updated": "Edited",
  "governance.voting-opened": "Voting opened",
  "governance.emergency-enacted": "Enacted; ratification vote opened",
  "governance.proposal-passed": "Passed",
  "governance.proposal-rejected": "Rejected",
  "governance.emergency-ratified": "Ratified",
  "governance.emergency-not-ratified": "Not ratified",
  "governance.proposal-cancelled": "Cancelled",
  "governance.implementation-started": "Implementation started",
  "governance.phase-completed": "Phase checked off",
  "governance.phase-reopened": "Phase reopened",
  "governance.proposal-done": "Done",
};
