import { describe, expect, it } from "vitest";
import { centralLongitude, estimateRoundTripMs, haversineKm, isValidLatLon, wrapLongitude } from "./distance";

const CITY = {
  paris: { lat: 48.8566, lon: 2.3522 },
  lyon: { lat: 45.764, lon: 4.8357 },
  london: { lat: 51.5074, lon: -0.1278 },
  berlin: { lat: 52.52, lon: 13.405 },
  newYork: { lat: 40.7128, lon: -74.006 },
  losAngeles: { lat: 34.0522, lon: -118.2437 },
  sydney: { lat: -33.8688, lon: 151.2093 },
  melbourne: { lat: -37.8136, lon: 144.9631 },
  tokyo: { lat: 35.6762, lon: 139.6503 },
  suva: { lat: -18.1416, lon: 178.4419 },
  apia: { lat: -13.8507, lon: -171.7514 },
} as const;

// Published great-circle distances between city centres (km), as atlases and airline tables give them.
const KNOWN: Array<[keyof typeof CITY, keyof typeof CITY, number]> = [
  ["paris", "lyon", 392],
  ["london", "paris", 344],
  ["paris", "berlin", 878],
  ["london", "newYork", 5570],
  ["newYork", "losAngeles", 3936],
  ["sydney", "melbourne", 714],
  ["london", "tokyo", 9559],
];

describe("haversineKm", () => {
  it.each(KNOWN)("%s → %s is %d km within 0.5 %%", (a, b, km) => {
    expect(Math.abs(haversineKm(CITY[a], CITY[b]) - km) / km).toBeLessThan(0.005);
  });

  it("is symmetric and zero for one place", () => {
    expect(haversineKm(CITY.paris, CITY.tokyo)).toBeCloseTo(haversineKm(CITY.tokyo, CITY.paris), 9);
    expect(haversineKm(CITY.paris, CITY.paris)).toBe(0);
  });

  it("crosses the antimeridian the short way", () => {
    // Suva (Fiji) and Apia (Samoa) sit either side of 180°: ~1,150 km apart, not ~38,000.
    const km = haversineKm(CITY.suva, CITY.apia);
    expect(km).toBeGreaterThan(1100);
    expect(km).toBeLessThan(1200);
    expect(haversineKm({ lat: 0, lon: 179.5 }, { lat: 0, lon: -179.5 })).toBeCloseTo(111.2, 0);
  });

  it("stays finite for antipodal points (half the circumference)", () => {
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * 6371.0088, 3);
    expect(haversineKm({ lat: 90, lon: 0 }, { lat: -90, lon: 0 })).toBeCloseTo(Math.PI * 6371.0088, 3);
  });
});

describe("isValidLatLon", () => {
  it("accepts coordinates and refuses missing or impossible ones", () => {
    expect(isValidLatLon(CITY.paris)).toBe(true);
    expect(isValidLatLon({ lat: null, lon: 2 })).toBe(false);
    expect(isValidLatLon({ lat: 48, lon: undefined })).toBe(false);
    expect(isValidLatLon({ lat: Number.NaN, lon: 2 })).toBe(false);
    expect(isValidLatLon({ lat: 91, lon: 2 })).toBe(false);
  });
});

describe("estimateRoundTripMs", () => {
  it("adds ~1 ms per 100 km to a small base", () => {
    expect(estimateRoundTripMs(0)).toBe(2);
    expect(estimateRoundTripMs(392)).toBeCloseTo(5.92, 5);
    expect(estimateRoundTripMs(-5)).toBe(2);
  });
});

describe("centralLongitude", () => {
  it("is the middle of a federation that does not straddle 180°", () => {
    expect(centralLongitude([-8.6, 2.35, 21])).toBeCloseTo(6.2, 5);
    expect(centralLongitude([42])).toBe(42);
    expect(centralLongitude([])).toBe(0);
  });

  it("centres a federation across the antimeridian on 180°, not on Greenwich", () => {
    const centre = centralLongitude([CITY.suva.lon, CITY.apia.lon]);
    expect(Math.abs(wrapLongitude(centre - 180))).toBeLessThan(5);
  });

  it("wraps longitudes into [−180, 180)", () => {
    expect(wrapLongitude(190)).toBe(-170);
    expect(wrapLongitude(-190)).toBe(170);
    expect(wrapLongitude(180)).toBe(-180);
  });
});
