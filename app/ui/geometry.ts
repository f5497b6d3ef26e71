// Coordinates on the review page. Everything is drawn in the upright input's pixel frame (W × H);
// the framed composite is mapped back into it from the report's framing (piece box and fill).
import type { Box, Warning } from "./types";
import { placeOnAxis } from "../../workers/retouch/contract";

export interface Framing {
  box: Box;
  fill: number;
  /** From the report's framing (engine's layout): canvas side, output px per source px, cut sides. */
  size?: number;
  scale?: number;
  cut?: string[];
  /** Where the piece's box landed on the canvas (newer reports). */
  placed?: Box;
}

/**
 * Where the square composite lands in the input frame (input pixels), so before/after line up: the
 * inverse of the engine's layout (workers/retouch/compose/layout.ts), which scales the piece's box to
 * `placed` on the canvas. Reports without `placed` are laid out again from `scale` and the cut sides
 * (against a cut side, or centred); the oldest, without either, as a centred piece filling `fill`.
 */
export function compositePlacement(f: Framing): Box {
  const b = f.box;
  if (f.size && f.placed && b.w > 0 && b.h > 0) {
    const sx = f.placed.w / b.w;
    const sy = f.placed.h / b.h;
    return { x: b.x - f.placed.x / sx, y: b.y - f.placed.y / sy, w: f.size / sx, h: f.size / sy };
  }
  if (f.size && f.scale && b.w > 0 && b.h > 0) {
    const cut = new Set(f.cut ?? []);
    const pw = Math.min(f.size, Math.max(1, Math.round(b.w * f.scale)));
    const ph = Math.min(f.size, Math.max(1, Math.round(b.h * f.scale)));
    const sx = pw / b.w;
    const sy = ph / b.h;
    const px = placeOnAxis(f.size, pw, cut.has("left"), cut.has("right"));
    const py = placeOnAxis(f.size, ph, cut.has("top"), cut.has("bottom"));
    return { x: b.x - px / sx, y: b.y - py / sy, w: f.size / sx, h: f.size / sy };
  }
  const side = Math.max(b.w, b.h) / Math.max(1e-6, f.fill);
  return { x: b.x - (side - b.w) / 2, y: b.y - (side - b.h) / 2, w: side, h: side };
}

/** A box as CSS percentages of the W × H frame. */
export function pctStyle(b: Box, W: number, H: number): { left: string; top: string; width: string; height: string } {
  return {
    left: `${(b.x / W) * 100}%`,
    top: `${(b.y / H) * 100}%`,
    width: `${(b.w / W) * 100}%`,
    height: `${(b.h / H) * 100}%`,
  };
}

export function regionBoxes(w: Warning, whole: Box): Box[] {
  const r = w.region;
  if (r.kind === "box") return [r.box];
  if (r.kind === "boxes") return r.boxes;
  return [whole];
}

/** One box around all of a region's boxes. */
export function unionBox(boxes: Box[]): Box {
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.w));
  const y1 = Math.max(...boxes.map((b) => b.y + b.h));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}
