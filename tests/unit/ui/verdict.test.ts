// The review page's verdict agrees with the findings it sits over, and each finding shows the measure
// that fired against its own limit.
import { describe, expect, it } from "vitest";
import { measuredText, photoVerdict } from "../../../app/ui/verdict";
import type { Warning } from "../../../app/ui/types";

const w = (
  code: string,
  severity: Warning["severity"],
  value: number,
  threshold: number,
  measure?: string,
): Warning => ({
  code,
  severity,
  message: "",
  value,
  threshold,
  region: { kind: "image" },
  ...(measure ? { measure } : {}),
});

describe("photoVerdict", () => {
  it("says fine only when no finding is over its limit", () => {
    expect(photoVerdict([]).tone).toBe("success");
    const notes = photoVerdict([w("HALO", "note", 0.12, 0.2), w("SPARKLE_LOST", "note", 0.7, 0.5)]);
    expect(notes.tone).toBe("info");
    expect(notes.headline).toBe("Fine to publish");
    expect(notes.detail).toContain("2 small differences");
  });

  it("names every warning's title and counts them", () => {
    const v = photoVerdict([
      w("METAL_TONE_SHIFT", "warning", 5.2, 3, "ΔE00"),
      w("PIECE_AREA_LOST", "warning", 0.08, 0.03),
      w("HALO", "note", 0.12, 0.2),
    ]);
    expect(v.tone).toBe("warning");
    expect(v.headline).toBe("Check 2 things before publishing");
    expect(v.detail).toContain("metal color changed");
    expect(v.detail).toContain("part of the piece is missing");
    expect(v.detail).toContain("1 smaller difference is noted");
  });
});

describe("measuredText", () => {
  it("shows the fired measure with its limit, and a note's distance to the warning", () => {
    expect(measuredText(w("TEXTURE_LOST", "note", 0.96, 0.97, "structural similarity (SSIM)"))).toBe(
      "structural similarity (SSIM) 0.96 (a warning at 0.97)",
    );
    expect(measuredText(w("GEM_COLOR_SHIFT", "warning", 17.8, 8, "hue turn (°)"))).toBe(
      "hue turn (°) 17.8 (limit 8.00)",
    );
  });
});
