// The check CLI's verdict agrees with its warnings and holds an unmatched result for a look by eye.
import { describe, expect, it } from "vitest";
import { checkVerdict } from "../../../workers/retouch/guards/check-verdict";
import type { Warning } from "../../../workers/retouch/types";

function w(code: string, severity: "warning" | "note"): Warning {
  return { code, severity, message: "", value: 1, threshold: 1, region: { kind: "image" } };
}

describe("check verdict", () => {
  it("names each code over its limit once and counts the notes", () => {
    const v = checkVerdict(
      [w("HALO", "warning"), w("SPARKLE_LOST", "note"), w("HALO", "warning"), w("GEM_COLOR_SHIFT", "warning")],
      true,
    );
    expect(v.status).toBe("check");
    expect(v.over).toEqual(["HALO", "GEM_COLOR_SHIFT"]);
    expect(v.notes).toBe(1);
    expect(v.headline).toBe(
      "Check before publishing: HALO, GEM_COLOR_SHIFT over the limit (1 smaller difference noted).",
    );
  });

  it("calls notes alone fine, and nothing at all fine", () => {
    expect(checkVerdict([w("EDGE_SOFT", "note"), w("HALO", "note")], true)).toMatchObject({
      status: "fine",
      over: [],
      notes: 2,
    });
    expect(checkVerdict([], true).headline).toBe("Fine to publish: every check passed.");
  });

  it("never calls an unmatched result fine", () => {
    const v = checkVerdict([w("HALO", "note")], false);
    expect(v.status).toBe("check");
    expect(v.headline).toMatch(/could not be matched/);
  });
});
