// The cutout at any zoom with the brush on top: strokes are recorded in the original photo's pixels
// (whatever the zoom), drawn as an overlay (erase red, restore green, edge blue), and erase is
// previewed by clearing the cutout under the brush. Each stroke segment's latency (from the pointer
// event to the end of drawing) goes to the performance timeline as "loupe-brush-segment".
import { useCallback, useEffect, useRef } from "react";
import type { MaskStroke, StrokeOp } from "../../../workers/retouch/contract";

export interface BrushTool {
  op: StrokeOp;
  radius: number;
  hardness: number;
}

const COLORS: Record<StrokeOp, string> = {
  erase: "rgba(215, 44, 13, 0.45)",
  restore: "rgba(0, 128, 96, 0.45)",
  refine: "rgba(44, 110, 203, 0.45)",
};

function drawSegment(
  ctx: CanvasRenderingContext2D,
  s: Pick<MaskStroke, "op" | "radius">,
  a: [number, number],
  b: [number, number],
  style: string,
) {
  ctx.strokeStyle = style;
  ctx.fillStyle = style;
  ctx.lineWidth = 2 * s.radius;
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  ctx.beginPath();
  ctx.moveTo(a[0], a[1]);
  if (a[0] === b[0] && a[1] === b[1]) {
    ctx.arc(a[0], a[1], s.radius, 0, 2 * Math.PI);
    ctx.fill();
  } else {
    ctx.lineTo(b[0], b[1]);
    ctx.stroke();
  }
}

function drawStroke(overlay: CanvasRenderingContext2D, cutout: CanvasRenderingContext2D | null, s: MaskStroke) {
  const pts = s.points;
  for (let i = 0; i < pts.length; i++) paintSegment(overlay, cutout, s, pts[Math.max(0, i - 1)]!, pts[i]!);
}

function paintSegment(
  overlay: CanvasRenderingContext2D,
  cutout: CanvasRenderingContext2D | null,
  s: Pick<MaskStroke, "op" | "radius">,
  a: [number, number],
  b: [number, number],
) {
  // The overlay is drawn opaque on its own layer and shown translucent (CSS opacity), so crossings don't darken.
  drawSegment(overlay, s, a, b, COLORS[s.op].replace(/[\d.]+\)$/, "1)"));
  if (cutout && s.op === "erase") {
    cutout.globalCompositeOperation = "destination-out";
    drawSegment(cutout, s, a, b, "#000");
    cutout.globalCompositeOperation = "source-over";
  }
}

export function BrushCanvas(props: {
  width: number;
  height: number;
  cutoutUrl: string;
  strokes: MaskStroke[];
  tool: BrushTool;
  /** CSS pixels per original pixel. */
  zoom: number;
  disabled?: boolean;
  onStroke: (s: MaskStroke) => void;
}) {
  const { width: W, height: H, cutoutUrl, strokes, tool, zoom, disabled, onStroke } = props;
  const cutoutRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const imageRef = useRef<HTMLImageElement | null>(null);
  const live = useRef<MaskStroke | null>(null);

  const redraw = useCallback(() => {
    const c = cutoutRef.current?.getContext("2d");
    const o = overlayRef.current?.getContext("2d");
    if (!c || !o) return;
    c.clearRect(0, 0, W, H);
    if (imageRef.current?.complete) c.drawImage(imageRef.current, 0, 0, W, H);
    o.clearRect(0, 0, W, H);
    for (const s of strokes) drawStroke(o, c, s);
  }, [W, H, strokes]);

  useEffect(() => {
    const img = new Image();
    img.crossOrigin = "anonymous";
    img.onload = () => {
      imageRef.current = img;
      cutoutRef.current?.setAttribute("data-loaded", "1");
      redraw();
    };
    img.src = cutoutUrl;
    return () => {
      img.onload = null;
    };
    // redraw is stable per stroke list; reloading the image only when the URL changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cutoutUrl]);

  useEffect(redraw, [redraw]);

  const at = (e: React.PointerEvent<HTMLCanvasElement>): [number, number] => {
    const r = e.currentTarget.getBoundingClientRect();
    const x = Math.min(W, Math.max(0, ((e.clientX - r.left) * W) / r.width));
    const y = Math.min(H, Math.max(0, ((e.clientY - r.top) * H) / r.height));
    return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
  };

  const segment = (e: React.PointerEvent<HTMLCanvasElement>, a: [number, number], b: [number, number]) => {
    const o = overlayRef.current?.getContext("2d");
    if (!o || !live.current) return;
    paintSegment(o, cutoutRef.current?.getContext("2d") ?? null, live.current, a, b);
    performance.measure("loupe-brush-segment", { start: e.timeStamp, end: performance.now() });
  };

  return (
    <div
      style={{
        position: "relative",
        width: W * zoom,
        height: H * zoom,
        backgroundImage: "repeating-conic-gradient(#e3e3e3 0% 25%, #fff 0% 50%)",
        backgroundSize: "16px 16px",
      }}
    >
      <canvas
        ref={cutoutRef}
        data-testid="brush-cutout"
        width={W}
        height={H}
        style={{
          position: "absolute",
          inset: 0,
          width: "100%",
          height: "100%",
          imageRendering: zoom >= 2 ? "pixelated" : "auto",
        }}
      />
      <canvas
        ref={overlayRef}
        data-testid="brush-overlay"
        data-zoom={Math.round(zoom * 100)}
        width={W}
        height={H}
        style={{
          position: "absolute",
          inset: 0,
          width: "100%",
          height: "100%",
          opacity: 0.45,
          cursor: disabled ? "not-allowed" : "crosshair",
          touchAction: "none",
        }}
        onPointerDown={(e) => {
          if (disabled || e.button !== 0) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          const p = at(e);
          live.current = { op: tool.op, radius: tool.radius, hardness: tool.hardness, points: [p] };
          segment(e, p, p);
        }}
        onPointerMove={(e) => {
          const s = live.current;
          if (!s) return;
          const p = at(e);
          const last = s.points[s.points.length - 1]!;
          // Points closer than a quarter of the radius add nothing the segment between them doesn't cover.
          if (Math.hypot(p[0] - last[0], p[1] - last[1]) < Math.max(1, s.radius / 4)) return;
          s.points.push(p);
          segment(e, last, p);
        }}
        onPointerUp={() => {
          const s = live.current;
          live.current = null;
          if (s) onStroke(s);
        }}
        onPointerCancel={() => {
          live.current = null;
          redraw();
        }}
      />
    </div>
  );
}
