import type { HTMLAttributes, ReactNode } from "react";
import { EmptyState } from "./empty-state";

export interface Column<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  align?: "left" | "right";
  /** Extra classes for this column's cells (widths, wrapping, fonts). */
  className?: string;
}

const TH = "px-2 py-2 text-xs font-medium uppercase tracking-wide text-muted";
const TD = "px-2 py-2 text-sm";

/**
 * A long list as a table: a header, one row per item, an empty state. Below its minimum width it
 * scrolls sideways inside its own box, so a 390 px phone never scrolls the page.
 */
export function DataTable<Row>({
  label,
  columns,
  rows,
  rowKey,
  rowProps,
  empty,
  minWidth = "40rem",
}: {
  label?: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string | number;
  rowProps?: (row: Row) => HTMLAttributes<HTMLTableRowElement> & { "data-testid"?: string };
  empty: ReactNode;
  minWidth?: string;
}) {
  if (rows.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left" style={{ minWidth }} aria-label={label}>
        <thead>
          <tr className="border-b border-border">
            {columns.map((column, index) => (
              <th key={index} scope="col" className={`${TH} ${column.align === "right" ? "text-right" : "text-left"}`}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-b border-border align-top last:border-0" {...rowProps?.(row)}>
              {columns.map((column, index) => (
                <td
                  key={index}
                  className={`${TD} ${column.align === "right" ? "text-right" : ""} ${column.className ?? ""}`}
                >
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
