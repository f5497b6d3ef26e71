// The auto-publish gate fails closed: only a complete report, from guards that ran, with no warning and
// no finding that the piece itself may be wrong, lets an image go live without a human.
import { describe, expect, it } from "vitest";
import { autoPublishVerdict } from "../../../workers/jobs/publish-gate";
import { engineReport } from "../../fixtures/engine-report";

const finding = (code: string, severity: string) => ({
  code,
  severity,
  message: "m",
  value: 1,
  threshold: 0,
  region: { kind: "image" },
});
const withWarnings = (warnings: unknown[]) => ({ ...engineReport(100, 100), warnings });

describe("autoPublishVerdict", () => {
  it("publishes a complete report whose guards ran and only left notes", () => {
    expect(autoPublishVerdict({ report: engineReport(100, 100) })).toEqual({ publish: true });
    expect(autoPublishVerdict({ report: withWarnings([finding("SPOTS_REMOVED", "note")]) })).toEqual({ publish: true });
  });

  it("holds when the report is missing, has no findings list, or the guards did not run", () => {
    expect(autoPublishVerdict({ report: null })).toEqual({
      publish: false,
      reason: "Held for your review: the guard report for this image is missing.",
    });
    expect(autoPublishVerdict({ report: { warnings: [] } })).toEqual({
      publish: false,
      reason: "Held for your review: the guards did not run on this image.",
    });
    const { warnings: _w, ...noList } = engineReport(100, 100);
    expect(autoPublishVerdict({ report: noList })).toEqual({
      publish: false,
      reason: "Held for your review: the guard report has no findings list.",
    });
  });

  it("holds on PIECE_AREA_LOST and CUTOUT_UNCERTAIN whatever their severity", () => {
    expect(autoPublishVerdict({ report: withWarnings([finding("PIECE_AREA_LOST", "note")]) })).toEqual({
      publish: false,
      reason: "Held for your review: part of the piece may have been cut away (PIECE_AREA_LOST).",
    });
    expect(autoPublishVerdict({ report: withWarnings([finding("CUTOUT_UNCERTAIN", "warning")]) })).toEqual({
      publish: false,
      reason: "Held for your review: the cutout may include more than the piece (CUTOUT_UNCERTAIN).",
    });
  });

  it("holds on any warning and on a finding of a form it does not know", () => {
    expect(
      autoPublishVerdict({
        report: withWarnings([finding("METAL_TONE_SHIFT", "warning"), finding("HALO", "warning")]),
      }),
    ).toEqual({
      publish: false,
      reason: "Held for your review: 2 guards raised a warning.",
    });
    expect(autoPublishVerdict({ report: withWarnings([finding("NEW_GUARD", "critical")]) })).toEqual({
      publish: false,
      reason: "Held for your review: a guard finding is in a form Loupe does not know.",
    });
    expect(autoPublishVerdict({ report: withWarnings(["oops"]) })).toEqual({
      publish: false,
      reason: "Held for your review: a guard finding is in a form Loupe does not know.",
    });
  });
});
