// Coordinates on the review page. Everything is drawn in the upright input's pixel frame (W × H);
// the framed composite is mapped back into it from the report's framing (piece box and fill).
import type { Box, Warning } from "./types";

export interface Framing {
  box: Box;
  fill: number;
}

/** Where the square composite lands in the input frame (input pixels), so before/after line up. */
export function compositePlacement(f: Framing): Box {
  const side = Math.max(f.box.w, f.box.h) / Math.max(1e-6, f.fill);
  return { x: f.box.x - (side - f.box.w) / 2, y: f.box.y - (side - f.box.h) / 2, w: side, h: side };
}

/** A box as CSS percentages of the W × H frame. */
export function pctStyle(b: Box, W: number, H: number): { left: string; top: string; width: string; height: string } {
  return { left: `${(b.x / W) * 100}%`, top: `${(b.y / H) * 100}%`, width: `${(b.w / W) * 100}%`, height: `${(b.h / H) * 100}%` };
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
