// The buttons over the map: zoom in and out, fit the federation, the whole world.
import type { ReactNode } from "react";

interface Props {
  onZoom(factor: number): void;
  onFit(): void;
  onWholeWorld(): void;
}

/** How much one press of a zoom button zooms. */
const BUTTON_ZOOM = 1.6;

export function MapControls({ onZoom, onFit, onWholeWorld }: Props) {
  return (
    <>
      <div className="absolute left-2 top-2 flex flex-col gap-1">
        <MapButton label="Zoom in" onClick={() => onZoom(BUTTON_ZOOM)}>
          +
        </MapButton>
        <MapButton label="Zoom out" onClick={() => onZoom(1 / BUTTON_ZOOM)}>
          −
        </MapButton>
      </div>
      <div className="absolute right-2 top-2 flex gap-1">
        <button
          type="button"
          onClick={onFit}
          className="rounded-md border border-border bg-surface/90 px-2.5 py-1.5 text-xs font-medium shadow-sm hover:bg-surface"
        >
          Fit to federation
        </button>
        <button
          type="button"
          onClick={onWholeWorld}
          className="hidden rounded-md border border-border bg-surface/90 px-2.5 py-1.5 text-xs font-medium shadow-sm hover:bg-surface sm:block"
        >
          Whole world
        </button>
      </div>
    </>
  );
}

function MapButton({ label, onClick, children }: { label: string; onClick(): void; children: ReactNode }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClick}
      className="grid size-9 place-items-center rounded-md border border-border bg-surface/90 text-lg leading-none shadow-sm hover:bg-surface"
    >
      {children}
    </button>
  );
}
