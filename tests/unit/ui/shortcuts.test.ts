// Which key presses the review page takes as shortcuts, and which it leaves alone.
import { describe, expect, it } from "vitest";
import { shortcutKey } from "../../../app/ui/shortcuts";
import { concernsMatte } from "../../../app/ui/matte-warnings";

/** A stand-in for a DOM element: `closest` answers for the selectors it matches. */
function target(matches: (sel: string) => boolean) {
  return { closest: (sel: string) => (matches(sel) ? {} : null) } as unknown as EventTarget;
}
const body = target(() => false);
const ev = (key: string, over: Partial<KeyboardEvent> = {}) => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  repeat: false,
  target: body,
  ...over,
});

describe("shortcutKey", () => {
  it("names plain letters and arrows, in lower case", () => {
    expect(shortcutKey(ev("A"))).toBe("a");
    expect(shortcutKey(ev("z"))).toBe("z");
    expect(shortcutKey(ev("ArrowRight"))).toBe("arrowright");
  });

  it("ignores keys with a modifier (Cmd-R reloads, Ctrl-A selects)", () => {
    expect(shortcutKey(ev("r", { metaKey: true }))).toBeNull();
    expect(shortcutKey(ev("a", { ctrlKey: true }))).toBeNull();
    expect(shortcutKey(ev("j", { altKey: true }))).toBeNull();
  });

  it("ignores typing in a field", () => {
    const field = target((sel) => sel.includes("input"));
    expect(shortcutKey(ev("a", { target: field }))).toBeNull();
  });

  it("leaves arrows to a pane that pans with them and to sliders, but not letters", () => {
    const pane = target((sel) => sel.includes("data-pans-with-arrows"));
    expect(shortcutKey(ev("ArrowLeft", { target: pane }))).toBeNull();
    expect(shortcutKey(ev("j", { target: pane }))).toBe("j");
  });
});

describe("concernsMatte", () => {
  it("is true for findings about the cutout, false for colour findings", () => {
    expect(concernsMatte([{ code: "PIECE_AREA_LOST" }])).toBe(true);
    expect(concernsMatte([{ code: "GEM_COLOR_SHIFT" }, { code: "PROP_KEPT" }])).toBe(true);
    expect(concernsMatte([{ code: "GEM_COLOR_SHIFT" }, { code: "METAL_TONE_SHIFT" }])).toBe(false);
    expect(concernsMatte([])).toBe(false);
  });
});
