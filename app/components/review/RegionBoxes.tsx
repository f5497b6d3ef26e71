// Outlined boxes over the image (warning regions, removed spots), scaled from image coordinates.
import { pctStyle } from "../../ui/geometry";
import type { Box } from "../../ui/types";

export interface LabeledBox {
  key: string;
  box: Box;
  label: string;
  tone: "warning" | "spot" | "spot-off";
}

const COLORS = { warning: "#e51c00", spot: "#0094d5", "spot-off": "#8a8a8a" } as const;

export function RegionBoxes({
  boxes,
  width,
  height,
  testId,
}: {
  boxes: LabeledBox[];
  width: number;
  height: number;
  testId: string;
}) {
  return (
    <div data-testid={testId} style={{ position: "absolute", inset: 0, pointerEvents: "none" }}>
      {boxes.map((b) => (
        <div
          key={b.key}
          title={b.label}
          style={{
            position: "absolute",
            ...pctStyle(clamp(pad(b.box), width, height), width, height),
            minWidth: 6,
            minHeight: 6,
            outline: `2px ${b.tone === "spot-off" ? "dashed" : "solid"} ${COLORS[b.tone]}`,
            outlineOffset: -2, // drawn inside, so a box at the frame's edge stays visible
            boxShadow: "0 0 0 1px rgba(255,255,255,.8)",
          }}
        >
          <span
            style={{
              position: "absolute",
              top: 0,
              left: 0,
              font: "600 11px/16px system-ui, sans-serif",
              color: "#fff",
              background: COLORS[b.tone],
              padding: "0 4px",
              borderRadius: 3,
              whiteSpace: "nowrap",
            }}
          >
            {b.label}
          </span>
        </div>
      ))}
    </div>
  );
}

/** Spots are tiny: draw their boxes a little larger so they can be seen at "fit". */
function pad(b: Box): Box {
  const p = Math.max(2, Math.min(b.w, b.h) * 0.3);
  return { x: b.x - p, y: b.y - p, w: b.w + 2 * p, h: b.h + 2 * p };
}

/** Keeps a box inside the W × H frame (the stage clips anything outside it, label included). */
function clamp(b: Box, W: number, H: number): Box {
  const x = Math.max(0, b.x);
  const y = Math.max(0, b.y);
  return { x, y, w: Math.max(1, Math.min(W, b.x + b.w) - x), h: Math.max(1, Math.min(H, b.y + b.h) - y) };
}
