// The spot list's state as the engine reads it back: `disabledSpots` holds the ids whose default the
// merchant flipped — an applied spot left as shot, or a suggestion (held back by the engine) applied.
import type { SpotView } from "./types";

/** Ids the merchant flipped from the engine's default, for the next render's `disabledSpots`. */
export function flippedSpotIds(spots: SpotView[]): number[] {
  return spots.filter((s) => Boolean(s.disabled) !== Boolean(s.held)).map((s) => s.id);
}

/** Ids flipped after toggling one spot. */
export function toggleSpot(spots: SpotView[], id: number): number[] {
  const flipped = flippedSpotIds(spots);
  return flipped.includes(id) ? flipped.filter((d) => d !== id) : [...flipped, id];
}

const HELD_WHY: Record<string, string> = {
  pattern: "the piece around it is uneven or another material",
  shading: "it has the metal's own colour, like a pit or engraving",
};

/** How a spot's state reads in the list, and the label of the button that flips it. */
export function spotState(s: SpotView): { note: string; action: string } {
  if (s.held)
    return s.disabled
      ? { note: ` — suggested, not applied (${HELD_WHY[s.held] ?? s.held})`, action: "Remove" }
      : { note: " — suggested, removed at your request", action: "Undo" };
  return s.disabled ? { note: " — kept as shot", action: "Remove again" } : { note: "", action: "Undo" };
}

/**
 * The list as the review page shows it: what is applied to the photo (the engine's removals, kept-as-shot
 * ones and suggestions applied at the merchant's request), and the suggestions still open — folded
 * behind one button, since a textured piece can carry dozens of them (~25 per photo on
 * ../shared/photos) and they would bury the few edits that were made.
 */
export function spotSections(spots: SpotView[]): { applied: SpotView[]; suggested: SpotView[] } {
  const suggested = spots.filter((s) => s.held && s.disabled);
  return { applied: spots.filter((s) => !(s.held && s.disabled)), suggested };
}
