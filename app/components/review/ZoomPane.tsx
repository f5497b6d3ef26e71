// A scrollable, draggable viewport. "fit" shows the whole frame; "100" shows one image pixel per CSS
// pixel, centred on `focus` (the piece) the first time, so prongs and chains can be checked. Arrow
// keys pan a focused pane. Panes given the same `sync` scroll together (same frame, same spot).
import { useEffect, useRef, type ReactNode, type UIEvent } from "react";
import type { Box } from "../../ui/types";
import { centreOn, type PanSync } from "../../ui/pan-sync";

export type Zoom = "fit" | "100";

interface Props {
  width: number;
  height: number;
  zoom: Zoom;
  focus: Box | null;
  label: string;
  sync?: PanSync;
  onScroll?: (e: UIEvent<HTMLDivElement>) => void;
  children: ReactNode;
}

export function ZoomPane({ width, height, zoom, focus, label, sync, onScroll, children }: Props) {
  const pane = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number; left: number; top: number } | null>(null);

  useEffect(() => {
    const el = pane.current;
    if (!el || zoom !== "100") return;
    if (!sync?.position())
      centreOn(el, focus ? { x: focus.x + focus.w / 2, y: focus.y + focus.h / 2 } : { x: width / 2, y: height / 2 });
    return sync?.attach(el);
  }, [zoom, focus, width, height, sync]);

  const stage =
    zoom === "100"
      ? { width, height }
      : {
          width: `min(100%, calc(70vh * ${width} / ${height}))`,
          aspectRatio: `${width} / ${height}`,
          margin: "0 auto",
        };

  return (
    <div
      ref={pane}
      role="region"
      aria-label={label}
      tabIndex={0}
      data-testid="zoom-pane"
      data-zoom={zoom}
      data-pans-with-arrows={zoom === "100" ? "true" : undefined}
      onScroll={onScroll}
      style={{
        overflow: zoom === "100" ? "auto" : "hidden",
        maxHeight: "70vh",
        height: zoom === "100" ? "70vh" : undefined,
        background: "var(--p-color-bg-surface-secondary)",
        borderRadius: "var(--p-border-radius-200)",
        cursor: zoom === "100" ? "grab" : "default",
        touchAction: zoom === "100" ? "none" : "auto",
      }}
      onPointerDown={(e) => {
        if (zoom !== "100" || !pane.current) return;
        drag.current = { x: e.clientX, y: e.clientY, left: pane.current.scrollLeft, top: pane.current.scrollTop };
        pane.current.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (!d || !pane.current) return;
        pane.current.scrollLeft = d.left - (e.clientX - d.x);
        pane.current.scrollTop = d.top - (e.clientY - d.y);
      }}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
    >
      <div data-testid="stage" style={{ position: "relative", overflow: "hidden", ...stage }}>
        {children}
      </div>
    </div>
  );
}
