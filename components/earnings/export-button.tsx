"use client";
import { Button } from "@/components/ui/button";
import { viewToCsv, type EarningsView } from "@/lib/earnings/report";

/** Downloads the table as shown (same filters and period) as CSV, built in the browser. */
export function ExportButton({ view, fileName }: { view: EarningsView; fileName: string }) {
  function download() {
    const url = URL.createObjectURL(new Blob([viewToCsv(view)], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(url);
  }
  return (
    <Button variant="secondary" type="button" onClick={download}>
      Export CSV
    </Button>
  );
}
