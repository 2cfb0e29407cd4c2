// Zoom and pan as one affine view, d3-zoom's transform: screen = k · base + (x, y). The pure parts
// live here (limits, fitting, the behaviour's settings), so they are tested without a browser;
// components/map/use-zoom.ts attaches the behaviour to the SVG.
import { zoom, zoomIdentity, type ZoomBehavior } from "d3-zoom";

export interface View {
  k: number;
  x: number;
  y: number;
}

export type Point = readonly [number, number];
type Size = { width: number; height: number };

/** Never wider than the whole world fits, never deeper than street-level nonsense at 110m detail. */
export const MAX_ZOOM_FACTOR = 60;
/** Room kept around the federation when fitting, in screen pixels (labels sit beside markers). */
export const FIT_PADDING = 48;
/** Below this many pixels of movement a press is a click or tap, not a drag. */
export const CLICK_DISTANCE_PX = 4;

/** The zoom at which the whole base plane fits the viewport. */
export function worldK(base: Size, viewport: Size): number {
  return Math.min(viewport.width / base.width, viewport.height / base.height);
}

/** The least and greatest zoom, as d3-zoom's scale extent. */
export function scaleLimits(base: Size, viewport: Size): [number, number] {
  const min = worldK(base, viewport) * 0.8;
  return [min, min * MAX_ZOOM_FACTOR];
}

/** The view that puts base point `centre` in the middle of the viewport at zoom k. */
function centredOn(centre: Point, k: number, viewport: Size): View {
  return zoomIdentity
    .translate(viewport.width / 2, viewport.height / 2)
    .scale(k)
    .translate(-centre[0], -centre[1]);
}

/** The whole world, centred. */
export function worldView(base: Size, viewport: Size): View {
  return centredOn([base.width / 2, base.height / 2], worldK(base, viewport), viewport);
}

/**
 * The view that shows every point with padding, centred. One point (or points on top of each
 * other) gets a regional zoom rather than an infinite one.
 */
export function fitView(points: readonly Point[], base: Size, viewport: Size): View {
  if (points.length === 0) return worldView(base, viewport);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [px, py] of points) {
    minX = Math.min(minX, px);
    maxX = Math.max(maxX, px);
    minY = Math.min(minY, py);
    maxY = Math.max(maxY, py);
  }
  const regional = worldK(base, viewport) * 8;
  const fitW = (viewport.width - 2 * FIT_PADDING) / Math.max(maxX - minX, 1e-9);
  const fitH = (viewport.height - 2 * FIT_PADDING) / Math.max(maxY - minY, 1e-9);
  const [min, max] = scaleLimits(base, viewport);
  const k = Math.min(Math.max(Math.min(fitW, fitH, regional), min), max);
  return centredOn([(minX + maxX) / 2, (minY + maxY) / 2], k, viewport);
}

/**
 * Wheel steps as zoom factors: a pixel-mode wheel (Chrome, trackpads) moves in small steps, a
 * line-mode one (Firefox) in ~20× bigger ones, and a trackpad pinch arrives as ctrl+wheel.
 * d3-zoom takes the factor as a power of two.
 */
export function wheelDelta(event: Pick<WheelEvent, "deltaY" | "deltaMode" | "ctrlKey">): number {
  const step = event.deltaMode === 1 ? 0.05 : event.ctrlKey ? 0.01 : 0.002;
  return (-event.deltaY * step) / Math.LN2;
}

/**
 * The map's zoom behaviour: wheel, drag and pinch within the scale limits (set by sizeZoom), the
 * wheel's steps above, and a press that moves less than CLICK_DISTANCE_PX still a click.
 */
export function mapZoom<E extends Element>(): ZoomBehavior<E, unknown> {
  return zoom<E, unknown>().wheelDelta(wheelDelta).clickDistance(CLICK_DISTANCE_PX);
}

/** Fits the behaviour to the map's size: its scale limits, and the centre that buttons zoom about. */
export function sizeZoom<E extends Element>(behaviour: ZoomBehavior<E, unknown>, base: Size, viewport: Size): void {
  behaviour.scaleExtent(scaleLimits(base, viewport)).extent([
    [0, 0],
    [viewport.width, viewport.height],
  ]);
}

/** Where a base-plane point lands on screen. */
export function toScreen(view: View, point: Point): [number, number] {
  return [view.k * point[0] + view.x, view.k * point[1] + view.y];
}

export function transformAttribute(view: View): string {
  return `translate(${view.x.toFixed(2)},${view.y.toFixed(2)}) scale(${view.k.toFixed(5)})`;
}
