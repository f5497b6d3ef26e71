// Single-key shortcuts for the review page. A key press counts only when no modifier is held and the
// merchant is not typing (inputs, text areas, selects, editable text); arrow keys are left to a
// focused scrollable pane (panning at 100 %) and to sliders.

export type ShortcutMap = Partial<Record<string, () => void>>;

const TYPING = "input, textarea, select, [contenteditable=''], [contenteditable='true']";
const OWNS_ARROWS = "[data-pans-with-arrows='true'], [role='slider'], input[type='range']";

/** The map's key for a keyboard event ("a", "z", "arrowright"…), or null when the event is not a shortcut. */
export function shortcutKey(
  e: Pick<KeyboardEvent, "key" | "altKey" | "ctrlKey" | "metaKey" | "target" | "repeat">,
): string | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  const key = e.key.toLowerCase();
  const target = e.target as Element | null;
  if (target && typeof target.closest === "function") {
    if (target.closest(TYPING)) return null;
    if (key.startsWith("arrow") && target.closest(OWNS_ARROWS)) return null;
  }
  return key;
}
