// The map's fixed base drawing: an Equal Earth projection into a 1000-unit-wide plane, computed
// once per federation. Zoom and pan never re-project: they transform this plane (see use-zoom.ts).
import { geoEqualEarth, geoInterpolate, geoPath, type GeoProjection } from "d3-geo";
import type { GeometryCollection, Topology } from "topojson-specification";
import { feature } from "topojson-client";
import atlas from "world-atlas/countries-110m.json";
import { centralLongitude, isValidLatLon } from "@/lib/geo/distance";
import type { MapLink, MapSite } from "@/lib/map/types";

export const BASE_WIDTH = 1000;

// Node's and the browser's Math.sin may differ in the last bit; rounded positions render the same
// on both sides, so hydration matches. A hundredth of a base unit is far below a pixel.
const round = (value: number) => Math.round(value * 100) / 100;

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

// A runtime check instead of a cast: the JSON's inferred type has `type: string`, not the literal.
function isCountriesTopology(value: unknown): value is CountriesTopology {
  if (typeof value !== "object" || value === null || !("type" in value) || value.type !== "Topology") return false;
  if (!("arcs" in value) || !Array.isArray(value.arcs) || !("objects" in value)) return false;
  const objects = value.objects;
  return (
    typeof objects === "object" &&
    objects !== null &&
    "countries" in objects &&
    typeof objects.countries === "object" &&
    objects.countries !== null &&
    "type" in objects.countries &&
    objects.countries.type === "GeometryCollection"
  );
}

function countries() {
  // Widened first, so the guard narrows to the TopoJSON type alone rather than an intersection.
  const topology: unknown = atlas;
  if (!isCountriesTopology(topology)) throw new Error("world-atlas countries-110m.json is not the expected TopoJSON");
  return feature(topology, topology.objects.countries).features;
}

export interface BaseMap {
  width: number;
  height: number;
  projection: GeoProjection;
  sphere: string;
  countries: Array<{ id: string; name: string; d: string }>;
  /** Base-plane position of each site with coordinates. */
  points: Map<string, [number, number]>;
  /** Base-plane paths of the links (great-circle arcs, cut at the map's edge). */
  links: Array<{ link: MapLink; d: string; mid: [number, number] | null }>;
}

/**
 * Centred on the federation's own middle meridian so a federation across the antimeridian is not
 * split between the map's left and right edges.
 */
export function buildBaseMap(sites: readonly MapSite[], links: readonly MapLink[]): BaseMap {
  const placed = sites.filter((s) => isValidLatLon({ lat: s.lat, lon: s.lon }));
  const centre = centralLongitude(placed.map((s) => s.lon ?? 0));
  const projection = geoEqualEarth().rotate([-centre, 0]).fitWidth(BASE_WIDTH, { type: "Sphere" });
  const path = geoPath(projection);
  const height = Math.ceil(path.bounds({ type: "Sphere" })[1][1]);

  const points = new Map<string, [number, number]>();
  for (const site of placed) {
    const p = projection([site.lon ?? 0, site.lat ?? 0]);
    if (p) points.set(site.id, [round(p[0]), round(p[1])]);
  }
  const byId = new Map(placed.map((s) => [s.id, s]));
  const drawn: BaseMap["links"] = [];
  for (const link of links) {
    const a = byId.get(link.fromId);
    const b = byId.get(link.toId);
    if (!a || !b) continue;
    const from: [number, number] = [a.lon ?? 0, a.lat ?? 0];
    const to: [number, number] = [b.lon ?? 0, b.lat ?? 0];
    const d = path({ type: "LineString", coordinates: [from, to] });
    const mid = projection(geoInterpolate(from, to)(0.5));
    if (d) drawn.push({ link, d, mid: mid ? [round(mid[0]), round(mid[1])] : null });
  }

  return {
    width: BASE_WIDTH,
    height,
    projection,
    sphere: path({ type: "Sphere" }) ?? "",
    countries: countries().map((c, i) => ({ id: String(c.id ?? i), name: c.properties?.name ?? "", d: path(c) ?? "" })),
    points,
    links: drawn,
  };
}
