// The spot list's flips: `disabledSpots` carries the ids whose default the merchant changed — applied
// spots left as shot and suggestions turned on — and each state reads as what it is.
import { describe, expect, it } from "vitest";
import { flippedSpotIds, spotSections, spotState, toggleSpot } from "../../../app/ui/spots";
import type { SpotView } from "../../../app/ui/types";

const box = { x: 10, y: 20, w: 3, h: 3 };
const spots: SpotView[] = [
  { id: 1, box, area: 9, reason: "speck" },
  { id: 2, box, area: 9, reason: "speck", disabled: true },
  { id: 3, box, area: 4, reason: "speck", held: "pattern", disabled: true },
  { id: 4, box, area: 4, reason: "dust", held: "shading" },
];

describe("spot list", () => {
  it("sends only the ids flipped from the engine's default", () => {
    expect(flippedSpotIds(spots)).toEqual([2, 4]);
    expect(toggleSpot(spots, 1)).toEqual([2, 4, 1]);
    expect(toggleSpot(spots, 3)).toEqual([2, 4, 3]);
    expect(toggleSpot(spots, 4)).toEqual([2]);
  });

  it("reads a suggestion as not applied, with why, and offers to remove it", () => {
    expect(spotState(spots[0]!)).toEqual({ note: "", action: "Undo" });
    expect(spotState(spots[1]!)).toEqual({ note: " — kept as shot", action: "Remove again" });
    const s = spotState(spots[2]!);
    expect(s.note).toMatch(/^ — suggested, not applied \(the piece around it is uneven/);
    expect(s.action).toBe("Remove");
    expect(spotState(spots[3]!)).toEqual({ note: " — suggested, removed at your request", action: "Undo" });
  });

  it("folds only the open suggestions: a suggestion the merchant applied stays with the removals", () => {
    const { applied, suggested } = spotSections(spots);
    expect(applied.map((s) => s.id)).toEqual([1, 2, 4]);
    expect(suggested.map((s) => s.id)).toEqual([3]);
    expect(spotSections([])).toEqual({ applied: [], suggested: [] });
  });
});
