// Zoom and pan as one affine view: screen = k · base + (x, y). Pure, so fitting and anchoring are
// tested without a browser; components/map/use-zoom.ts applies it to the SVG.

export interface View {
  k: number;
  x: number;
  y: number;
}

export type Point = readonly [number, number];

/** Never wider than the whole world fits, never deeper than street-level nonsense at 110m detail. */
export const MAX_ZOOM_FACTOR = 60;
/** Room kept around the federation when fitting, in screen pixels (labels sit beside markers). */
export const FIT_PADDING = 48;

/** The zoom at which the whole base plane fits the viewport. */
export function worldK(base: { width: number; height: number }, viewport: { width: number; height: number }): number {
  return Math.min(viewport.width / base.width, viewport.height / base.height);
}

export function clampK(
  k: number,
  base: { width: number; height: number },
  viewport: { width: number; height: number },
): number {
  const min = worldK(base, viewport) * 0.8;
  return Math.min(Math.max(k, min), min * MAX_ZOOM_FACTOR);
}

/** The whole world, centred. */
export function worldView(base: { width: number; height: number }, viewport: { width: number; height: number }): View {
  const k = worldK(base, viewport);
  return { k, x: (viewport.width - k * base.width) / 2, y: (viewport.height - k * base.height) / 2 };
}

/**
 * The view that shows every point with padding, centred. One point (or points on top of each
 * other) gets a regional zoom rather than an infinite one.
 */
export function fitView(
  points: readonly Point[],
  base: { width: number; height: number },
  viewport: { width: number; height: number },
): View {
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
  const k = clampK(Math.min(fitW, fitH, regional), base, viewport);
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  return { k, x: viewport.width / 2 - k * cx, y: viewport.height / 2 - k * cy };
}

/** Zoom by `factor` keeping the base point under `anchor` (screen pixels) where it is. */
export function zoomAt(
  view: View,
  factor: number,
  anchor: Point,
  base: { width: number; height: number },
  viewport: { width: number; height: number },
): View {
  const k = clampK(view.k * factor, base, viewport);
  const bx = (anchor[0] - view.x) / view.k;
  const by = (anchor[1] - view.y) / view.k;
  return { k, x: anchor[0] - k * bx, y: anchor[1] - k * by };
}

/** Where a base-plane point lands on screen. */
export function toScreen(view: View, point: Point): [number, number] {
  return [view.k * point[0] + view.x, view.k * point[1] + view.y];
}

export function transformAttribute(view: View): string {
  return `translate(${view.x.toFixed(2)},${view.y.toFixed(2)}) scale(${view.k.toFixed(5)})`;
}
