"use client";
// The interactive part of the map page: the map, the site panel a marker opens, and the legend.
import { useMemo, useState } from "react";
import type { MapLink, MapSite } from "@/lib/map/types";
import { MapLegend } from "./map-legend";
import { SitePanel } from "./site-panel";
import { WorldMap } from "./world-map";

export function MapExplorer({ sites, links }: { sites: MapSite[]; links: MapLink[] }) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const sitesById = useMemo(() => new Map(sites.map((s) => [s.id, s])), [sites]);
  const shown = sitesById.get(selectedId ?? hoveredId ?? "");

  return (
    <div className="relative h-full w-full">
      <WorldMap
        sites={sites}
        links={links}
        selectedId={selectedId}
        hoveredId={hoveredId}
        onSelect={setSelectedId}
        onHover={setHoveredId}
      />
      <MapLegend />
      {shown && (
        // Bottom of the map on a phone (thumb reach), bottom-left beside the legend on a desk.
        <div className="absolute inset-x-2 bottom-7 z-10 sm:inset-x-auto sm:bottom-2 sm:left-2 sm:w-80">
          <SitePanel
            site={shown}
            links={links}
            sitesById={sitesById}
            pinned={shown.id === selectedId}
            onClose={() => setSelectedId(null)}
          />
        </div>
      )}
    </div>
  );
}
