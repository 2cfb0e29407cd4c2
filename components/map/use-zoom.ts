"use client";
// Mouse drag, wheel and pinch on the map, through d3-zoom (lib/map/view.ts configures it). Its
// transform is kept in a ref and painted once per animation frame by writing straight to the
// DOM: a React render per pointer move would re-render hundreds of markers 60 times a second.
// React hears of the view only when a gesture ends (labels, buttons).
import { select } from "d3-selection";
import { zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from "d3-zoom";
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from "react";
import { CLICK_DISTANCE_PX, mapZoom, sizeZoom, type View } from "@/lib/map/view";

interface Options {
  svgRef: RefObject<SVGSVGElement | null>;
  base: { width: number; height: number };
  viewport: { width: number; height: number };
  /** Writes a view to the DOM; called at most once per frame during a gesture. */
  paint(view: View): void;
  /** Called when a gesture ends (or a view is set), with the view to keep. */
  settle(view: View): void;
}

type ZoomEvent = D3ZoomEvent<SVGSVGElement, unknown>;

// Browsers without touch input (desktop Firefox) have no TouchEvent at all.
const isTouch = (event: unknown): event is TouchEvent =>
  typeof TouchEvent !== "undefined" && event instanceof TouchEvent;

/** Where a mouse or touch event happened, in client pixels (the first finger for touch). */
function clientPoint(event: unknown): [number, number] | null {
  if (isTouch(event)) {
    const touch = event.touches[0];
    return touch ? [touch.clientX, touch.clientY] : null;
  }
  return event instanceof MouseEvent ? [event.clientX, event.clientY] : null;
}

export function useZoom({ svgRef, base, viewport, paint, settle }: Options) {
  const viewRef = useRef<View>(zoomIdentity);
  const frame = useRef<number | null>(null);
  // Whether the last press moved the map: a click that ends a drag selects nothing.
  const dragged = useRef(false);
  const pressedAt = useRef<[number, number] | null>(null);
  const [behaviour] = useState<ZoomBehavior<SVGSVGElement, unknown>>(() => mapZoom<SVGSVGElement>());
  // Latest callbacks for the listeners, which are attached once.
  const latest = useRef({ paint, settle });
  useLayoutEffect(() => {
    latest.current = { paint, settle };
  });

  useLayoutEffect(() => sizeZoom(behaviour, base, viewport), [behaviour, base, viewport]);

  // A layout effect, so the behaviour is attached before the map's first fit (also a layout
  // effect, declared after this hook) sets the view through it.
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onStart = (event: ZoomEvent) => {
      dragged.current = false;
      pressedAt.current = clientPoint(event.sourceEvent);
    };
    const onZoom = (event: ZoomEvent) => {
      viewRef.current = event.transform;
      // Set by a button or the first fit: the end event, right after, paints it.
      if (!event.sourceEvent) return;
      const at = clientPoint(event.sourceEvent);
      const from = pressedAt.current;
      if (isTouch(event.sourceEvent) && event.sourceEvent.touches.length > 1) dragged.current = true;
      else if (at && from && Math.hypot(at[0] - from[0], at[1] - from[1]) >= CLICK_DISTANCE_PX) dragged.current = true;
      if (frame.current === null)
        frame.current = requestAnimationFrame(() => {
          frame.current = null;
          latest.current.paint(viewRef.current);
        });
    };
    const onEnd = (event: ZoomEvent) => {
      if (frame.current !== null) {
        cancelAnimationFrame(frame.current);
        frame.current = null;
      }
      viewRef.current = event.transform;
      latest.current.paint(event.transform);
      latest.current.settle(event.transform);
    };
    behaviour.on("start.map", onStart).on("zoom.map", onZoom).on("end.map", onEnd);
    const selection = select(svg);
    // No double-click or double-tap zoom: a double click on a marker selects it and lets go.
    selection.call(behaviour).on("dblclick.zoom", null);
    return () => {
      selection.on(".zoom", null);
      behaviour.on(".map", null);
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    };
  }, [svgRef, behaviour]);

  /** For buttons (fit, whole world) and the first layout: jump to a view. */
  const setView = useCallback(
    (view: View) => {
      const svg = svgRef.current;
      const transform = zoomIdentity.translate(view.x, view.y).scale(view.k);
      if (svg) behaviour.transform(select(svg), transform);
      else viewRef.current = transform;
    },
    [svgRef, behaviour],
  );

  /** Zoom about the middle of the map, within the scale limits. */
  const zoomBy = useCallback(
    (factor: number) => {
      const svg = svgRef.current;
      if (svg) behaviour.scaleBy(select(svg), factor);
    },
    [svgRef, behaviour],
  );

  return { viewRef, setView, zoomBy, wasDrag: () => dragged.current };
}
