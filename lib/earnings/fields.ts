// The fields of a revenue entry and the shape of a row problem: shared by the server's validation
// and the browser's upload preview, so nothing here may import Node modules.
export const ENTRY_FIELDS = [
  "cluster",
  "network",
  "date",
  "amount",
  "symbol",
  "workload",
  "source",
  "external_id",
] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];
export const REQUIRED_FIELDS: readonly EntryField[] = ["cluster", "network", "date", "amount"];

export type RawEntry = Partial<Record<EntryField, string | null | undefined>>;

export interface RowProblem {
  line: number;
  column: string;
  reason: string;
}
