import { select } from "d3-selection";
import { zoomIdentity, zoomTransform } from "d3-zoom";
import { describe, expect, it } from "vitest";
import { fitView, mapZoom, sizeZoom, toScreen, wheelDelta, worldView, type Point, type View } from "./view";

const base = { width: 1000, height: 487 };
const viewport = { width: 800, height: 600 };

/**
 * The map's d3-zoom behaviour zooming `view` by `factor` about `anchor`, as the wheel, a pinch or
 * a button does. d3-zoom keeps its transform on the node it is attached to; with explicit extents
 * it reads nothing else from it, so a bare object stands in for the SVG element here.
 */
function zoomAt(view: View, factor: number, anchor: Point): View {
  const node: Element = Object.create(null);
  const behaviour = mapZoom<Element>();
  sizeZoom(behaviour, base, viewport);
  const selection = select(node);
  behaviour.transform(selection, zoomIdentity.translate(view.x, view.y).scale(view.k));
  behaviour.scaleBy(selection, factor, [anchor[0], anchor[1]]);
  return zoomTransform(node);
}

describe("map view", () => {
  it("fits the whole world when there is nothing to fit", () => {
    const view = worldView(base, viewport);
    expect(view.k).toBeCloseTo(0.8, 5);
    expect(toScreen(view, [0, 0])[0]).toBeCloseTo(0, 5);
    expect(toScreen(view, [500, 243.5])).toEqual([400, 300]);
    expect(fitView([], base, viewport)).toEqual(view);
  });

  it("fits points inside the padded viewport, centred", () => {
    const points = [
      [480, 100],
      [520, 140],
    ] as const;
    const view = fitView(points, base, viewport);
    const [a, b] = points.map((p) => toScreen(view, p));
    expect(a![0]).toBeGreaterThanOrEqual(48 - 1e-6);
    expect(b![0]).toBeLessThanOrEqual(752 + 1e-6);
    expect((a![0] + b![0]) / 2).toBeCloseTo(400, 5);
    expect((a![1] + b![1]) / 2).toBeCloseTo(300, 5);
  });

  it("gives a single site a regional zoom, not an infinite one", () => {
    const view = fitView([[500, 200]], base, viewport);
    expect(view.k).toBeCloseTo(0.8 * 8, 5);
    expect(toScreen(view, [500, 200])).toEqual([400, 300]);
  });

  it("zooms about the anchor, keeping the point under it still, within limits", () => {
    const start = worldView(base, viewport);
    const anchor = [123, 321] as const;
    const before = [(anchor[0] - start.x) / start.k, (anchor[1] - start.y) / start.k] as const;
    const zoomed = zoomAt(start, 3, anchor);
    expect(zoomed.k).toBeCloseTo(2.4, 5);
    const after = toScreen(zoomed, before);
    expect(after[0]).toBeCloseTo(anchor[0], 6);
    expect(after[1]).toBeCloseTo(anchor[1], 6);
    expect(zoomAt(start, 1e6, anchor).k).toBeCloseTo(0.8 * 0.8 * 60, 5);
    expect(zoomAt(start, 1e-6, anchor).k).toBeCloseTo(0.8 * 0.8, 5);
  });

  it("turns wheel steps into zoom factors: pixels, lines and a trackpad pinch", () => {
    const factor = (event: Parameters<typeof wheelDelta>[0]) => 2 ** wheelDelta(event);
    expect(factor({ deltaY: -300, deltaMode: 0, ctrlKey: false })).toBeCloseTo(Math.exp(0.6), 6);
    expect(factor({ deltaY: 3, deltaMode: 1, ctrlKey: false })).toBeCloseTo(Math.exp(-0.15), 6);
    expect(factor({ deltaY: -10, deltaMode: 0, ctrlKey: true })).toBeCloseTo(Math.exp(0.1), 6);
  });
});
