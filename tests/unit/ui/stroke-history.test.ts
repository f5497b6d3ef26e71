// The brush's undo/redo: one stroke per step, a new stroke clears what could be redone.
import { describe, expect, it } from "vitest";
import { addStroke, emptyHistory, redo, undo } from "../../../app/ui/editor/history";
import type { MaskStroke } from "../../../workers/retouch/edits/types";

const s = (n: number): MaskStroke => ({ op: "erase", radius: n, hardness: 1, points: [[n, n]] });

describe("stroke history", () => {
  it("undoes and redoes strokes in order; a new stroke drops the redo stack", () => {
    let h = addStroke(addStroke(addStroke(emptyHistory(), s(1)), s(2)), s(3));
    h = undo(undo(h));
    expect(h.strokes).toEqual([s(1)]);
    h = redo(h);
    expect(h.strokes).toEqual([s(1), s(2)]);
    expect(h.redo).toEqual([s(3)]);
    h = addStroke(h, s(4));
    expect(h).toEqual({ strokes: [s(1), s(2), s(4)], redo: [] });
    expect(redo(h)).toBe(h);
    expect(undo(emptyHistory())).toEqual(emptyHistory());
  });
});
