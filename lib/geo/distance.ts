// Distances on the Earth for the map and the redundancy audit. A sphere of the WGS84 mean radius
// is within ~0.5 % of the ellipsoid everywhere, which is far finer than the audit's thresholds
// (50, 200, 500 km) need, and keeps the maths small enough to trust at a glance.

/** The mean radius R1 = (2a + b) / 3 of the WGS84 ellipsoid, in kilometres. */
export const EARTH_MEAN_RADIUS_KM = 6371.0088;

export interface LatLon {
  /** Degrees north, −90…90. */
  lat: number;
  /** Degrees east, −180…180 (values outside are accepted and wrap). */
  lon: number;
}

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** True when both are finite numbers in range: a site without coordinates fails this. */
export function isValidLatLon(point: {
  lat: number | null | undefined;
  lon: number | null | undefined;
}): point is LatLon {
  const { lat, lon } = point;
  return (
    typeof lat === "number" &&
    typeof lon === "number" &&
    Number.isFinite(lat) &&
    Number.isFinite(lon) &&
    Math.abs(lat) <= 90 &&
    Math.abs(lon) <= 360
  );
}

/**
 * Great-circle distance in km by the haversine formula. The longitude difference goes through
 * sin², so 179° and −179° are 2° apart: the antimeridian needs no special case.
 */
export function haversineKm(a: LatLon, b: LatLon): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLon = toRadians(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLon / 2) ** 2;
  // min() guards against h creeping past 1 by rounding for antipodal points.
  return 2 * EARTH_MEAN_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Light in fibre covers ~200 km per millisecond, so a straight path costs ~1 ms of round trip per
 * 100 km. Real routes are longer and every hop adds queueing; the base stands for the last mile
 * and the equipment at both ends. An estimate for planning, never shown as a measurement.
 */
export const LATENCY_BASE_MS = 2;
export const LATENCY_MS_PER_100_KM = 1;

export function estimateRoundTripMs(distanceKm: number): number {
  return LATENCY_BASE_MS + (Math.max(0, distanceKm) / 100) * LATENCY_MS_PER_100_KM;
}

/** Longitude wrapped into [−180, 180). */
export function wrapLongitude(lon: number): number {
  return ((((lon + 180) % 360) + 360) % 360) - 180;
}

/**
 * The longitude to centre a map on so the given sites sit together: the middle of the widest gap
 * between them is the one meridian to cut. A federation straddling the antimeridian (Fiji and
 * Samoa) is then centred on 180° instead of being split across the map's two edges.
 */
export function centralLongitude(lons: readonly number[]): number {
  const sorted = lons.map(wrapLongitude).sort((x, y) => x - y);
  const first = sorted[0];
  if (first === undefined) return 0;
  // Each site paired with the next one east of it; the last wraps round to the first.
  let widestGap = -1;
  let arcStart = first;
  sorted.forEach((lon, i) => {
    const next = sorted[i + 1] ?? first + 360;
    if (next - lon > widestGap) {
      widestGap = next - lon;
      arcStart = wrapLongitude(next);
    }
  });
  // The occupied arc begins where the widest gap ends and spans the rest of the circle.
  return wrapLongitude(arcStart + (360 - widestGap) / 2);
}
