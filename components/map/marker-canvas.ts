// Large federations during a gesture: moving hundreds of SVG markers means restyling each one
// every frame (~10–15 ms for 500 on these machines), so while a zoom or pan is in progress the
// markers are drawn on a canvas instead (~1 ms), from the same paths; the SVG markers, which
// carry focus, clicks and labels, are hidden meanwhile and come back where the gesture settled.
import type { SiteHealth } from "@/lib/map/types";
import type { View } from "@/lib/map/view";
import { MARKER_STROKE } from "./marker-shape";

export interface CanvasMarker {
  bx: number;
  by: number;
  path: string;
  health: SiteHealth;
  selected: boolean;
  /** Drawn beside the marker when names are shown. */
  label: string | null;
  labelDx: number;
}

const paths = new Map<string, Path2D>();
function path2d(d: string): Path2D {
  let cached = paths.get(d);
  if (!cached) {
    cached = new Path2D(d);
    paths.set(d, cached);
  }
  return cached;
}

/** The theme's colours as the canvas needs them (it cannot read CSS variables itself). */
export function themeColours(element: Element): Record<SiteHealth | "surface" | "text", string> {
  const style = getComputedStyle(element);
  const read = (name: string) => style.getPropertyValue(name).trim() || "#888";
  return {
    up: read("--color-ok"),
    degraded: read("--color-warn"),
    down: read("--color-danger"),
    stale: read("--color-muted"),
    surface: read("--color-surface"),
    text: read("--color-text"),
  };
}

// Markers this far outside the viewport may still show a part; beyond it they are skipped.
const MARGIN = 24;

export function drawMarkers(
  canvas: HTMLCanvasElement,
  view: View,
  markers: readonly CanvasMarker[],
  colours: ReturnType<typeof themeColours>,
  viewport: { width: number; height: number },
): void {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.round(viewport.width * ratio);
  const height = Math.round(viewport.height * ratio);
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.lineJoin = "round";
  ctx.font = "500 11px ui-sans-serif, system-ui, sans-serif";
  ctx.textBaseline = "middle";
  for (const marker of markers) {
    const x = view.k * marker.bx + view.x;
    const y = view.k * marker.by + view.y;
    if (x < -MARGIN || y < -MARGIN || x > viewport.width + MARGIN || y > viewport.height + MARGIN) continue;
    ctx.setTransform(ratio, 0, 0, ratio, x * ratio, y * ratio);
    const shape = path2d(marker.path);
    ctx.fillStyle = colours[marker.health];
    ctx.fill(shape);
    ctx.lineWidth = marker.selected ? MARKER_STROKE.selected : MARKER_STROKE.normal;
    ctx.strokeStyle = marker.selected ? colours.text : colours.surface;
    ctx.stroke(shape);
    if (marker.label) {
      ctx.lineWidth = 3;
      ctx.strokeStyle = colours.surface;
      ctx.strokeText(marker.label, marker.labelDx, 0);
      ctx.fillStyle = colours.text;
      ctx.fillText(marker.label, marker.labelDx, 0);
    }
  }
}

export function clearMarkers(canvas: HTMLCanvasElement): void {
  canvas.getContext("2d")?.clearRect(0, 0, canvas.width, canvas.height);
}
