"use client";
// Mouse drag, wheel and pinch on the map. Gestures change a view held in a ref and repaint once
// per animation frame by writing transforms straight to the DOM: a React render per pointer move
// would re-render hundreds of markers 60 times a second. React hears of the view only when a
// gesture settles (labels, buttons).
import { useCallback, useEffect, useRef, type RefObject } from "react";
import { zoomAt, type View } from "@/lib/map/view";

// Below this many pixels a press is a tap or click, not a drag.
const DRAG_THRESHOLD_PX = 4;
// A gesture counts as settled once nothing has moved for this long.
const SETTLE_MS = 140;

interface Options {
  svgRef: RefObject<SVGSVGElement | null>;
  base: { width: number; height: number };
  viewport: { width: number; height: number };
  /** Writes a view to the DOM; called at most once per frame. */
  paint(view: View): void;
  /** Called when a gesture settles (or a view is set), with the view to keep. */
  settle(view: View): void;
}

type Gesture =
  | { kind: "pan"; pointerId: number; start: [number, number]; from: View; dragging: boolean }
  | { kind: "pinch"; distance: number; middle: [number, number]; from: View }
  | null;

export function useZoom({ svgRef, base, viewport, paint, settle }: Options) {
  const viewRef = useRef<View>({ k: 1, x: 0, y: 0 });
  const frame = useRef<number | null>(null);
  const settleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const dragged = useRef(false);
  // Latest callbacks and sizes for the listeners, which are attached once.
  const latest = useRef({ base, viewport, paint, settle });
  useEffect(() => {
    latest.current = { base, viewport, paint, settle };
  });

  const schedule = useCallback(() => {
    if (frame.current === null) {
      frame.current = requestAnimationFrame(() => {
        frame.current = null;
        latest.current.paint(viewRef.current);
      });
    }
    if (settleTimer.current) clearTimeout(settleTimer.current);
    settleTimer.current = setTimeout(() => latest.current.settle(viewRef.current), SETTLE_MS);
  }, []);

  /** For buttons (fit, zoom in/out) and the first layout: jump to a view. */
  const setView = useCallback((view: View) => {
    viewRef.current = view;
    latest.current.paint(view);
    latest.current.settle(view);
  }, []);

  const zoomBy = useCallback(
    (factor: number) => {
      const { base: b, viewport: v } = latest.current;
      setView(zoomAt(viewRef.current, factor, [v.width / 2, v.height / 2], b, v));
    },
    [setView],
  );

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const pointers = new Map<number, [number, number]>();
    let gesture: Gesture = null;

    const local = (event: { clientX: number; clientY: number }): [number, number] => {
      const rect = svg.getBoundingClientRect();
      return [event.clientX - rect.left, event.clientY - rect.top];
    };
    const pinchOf = (): { distance: number; middle: [number, number] } | null => {
      const [a, b] = [...pointers.values()];
      if (!a || !b) return null;
      return {
        distance: Math.max(1, Math.hypot(a[0] - b[0], a[1] - b[1])),
        middle: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2],
      };
    };

    const onDown = (event: PointerEvent) => {
      if (event.pointerType === "mouse" && event.button !== 0) return;
      pointers.set(event.pointerId, local(event));
      if (pointers.size === 1) {
        dragged.current = false;
        gesture = {
          kind: "pan",
          pointerId: event.pointerId,
          start: local(event),
          from: viewRef.current,
          dragging: false,
        };
      } else if (pointers.size === 2) {
        const pinch = pinchOf();
        if (!pinch) return;
        dragged.current = true;
        for (const id of pointers.keys()) if (svg.hasPointerCapture(id) === false) svg.setPointerCapture(id);
        gesture = { kind: "pinch", ...pinch, from: viewRef.current };
      }
    };

    const onMove = (event: PointerEvent) => {
      if (!pointers.has(event.pointerId) || !gesture) return;
      const here = local(event);
      pointers.set(event.pointerId, here);
      if (gesture.kind === "pan") {
        const dx = here[0] - gesture.start[0];
        const dy = here[1] - gesture.start[1];
        if (!gesture.dragging) {
          if (Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
          // Captured only now, so a plain tap still reaches the marker under it as a click.
          gesture.dragging = true;
          dragged.current = true;
          svg.setPointerCapture(event.pointerId);
        }
        viewRef.current = { k: gesture.from.k, x: gesture.from.x + dx, y: gesture.from.y + dy };
      } else {
        const pinch = pinchOf();
        if (!pinch) return;
        const { base: b, viewport: v } = latest.current;
        const zoomed = zoomAt(gesture.from, pinch.distance / gesture.distance, gesture.middle, b, v);
        // Zoom about where the fingers started, then follow their middle as it moves.
        viewRef.current = {
          k: zoomed.k,
          x: zoomed.x + pinch.middle[0] - gesture.middle[0],
          y: zoomed.y + pinch.middle[1] - gesture.middle[1],
        };
      }
      event.preventDefault();
      schedule();
    };

    const onUp = (event: PointerEvent) => {
      if (!pointers.delete(event.pointerId)) return;
      const [remaining] = [...pointers.entries()];
      // Lifting one finger of a pinch carries on as a pan with the other.
      gesture = remaining
        ? { kind: "pan", pointerId: remaining[0], start: remaining[1], from: viewRef.current, dragging: true }
        : null;
    };

    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      // Lines (Firefox) are ~20× bigger steps than pixels; a trackpad pinch arrives as ctrl+wheel.
      const step = event.deltaMode === 1 ? 0.05 : event.ctrlKey ? 0.01 : 0.002;
      const { base: b, viewport: v } = latest.current;
      viewRef.current = zoomAt(viewRef.current, Math.exp(-event.deltaY * step), local(event), b, v);
      schedule();
    };

    svg.addEventListener("pointerdown", onDown);
    svg.addEventListener("pointermove", onMove);
    svg.addEventListener("pointerup", onUp);
    svg.addEventListener("pointercancel", onUp);
    // Not passive: the page must not scroll while the wheel zooms the map.
    svg.addEventListener("wheel", onWheel, { passive: false });
    return () => {
      svg.removeEventListener("pointerdown", onDown);
      svg.removeEventListener("pointermove", onMove);
      svg.removeEventListener("pointerup", onUp);
      svg.removeEventListener("pointercancel", onUp);
      svg.removeEventListener("wheel", onWheel);
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      if (settleTimer.current) clearTimeout(settleTimer.current);
    };
  }, [svgRef, schedule]);

  return { viewRef, setView, zoomBy, wasDrag: () => dragged.current };
}
