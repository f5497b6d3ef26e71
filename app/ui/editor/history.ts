// Undo/redo over the brush's stroke list: each stroke is one step; a new stroke clears the redo
// stack. Pure, so the editor's component only holds the state.
import type { MaskStroke } from "../../../workers/retouch/contract";

export interface StrokeHistory {
  strokes: MaskStroke[];
  redo: MaskStroke[];
}

export const emptyHistory = (strokes: MaskStroke[] = []): StrokeHistory => ({ strokes, redo: [] });

export function addStroke(h: StrokeHistory, s: MaskStroke): StrokeHistory {
  return { strokes: [...h.strokes, s], redo: [] };
}

export function undo(h: StrokeHistory): StrokeHistory {
  if (!h.strokes.length) return h;
  return { strokes: h.strokes.slice(0, -1), redo: [h.strokes[h.strokes.length - 1]!, ...h.redo] };
}

export function redo(h: StrokeHistory): StrokeHistory {
  if (!h.redo.length) return h;
  return { strokes: [...h.strokes, h.redo[0]!], redo: h.redo.slice(1) };
}
