// The batch page's consistency panel uses the batch guards' limits, and the shop's overrides of them.
import { describe, expect, it } from "vitest";
import { consistencyFindings } from "../../../app/ui/consistency";

const report = (exposure: number, fill: number) => ({
  gains: { exposure, whiteBalance: [1, 1, 1] as [number, number, number] },
  backdrop: { color: [240, 240, 240] as [number, number, number], uniformity: 0.9, kind: "white" },
  framing: { box: { x: 0, y: 0, w: 10, h: 10 }, fill },
  warnings: [],
});
const images = [
  { id: "a", title: "Ring, photo 1", report: report(1, 0.8) },
  { id: "b", title: "Ring, photo 2", report: report(1.1, 0.8) },
  { id: "c", title: "Hoops, photo 1", report: report(4, 0.8) }, // 2 stops brighter correction
];

describe("batch consistency findings", () => {
  it("flags the photo that needed two stops more light (default limit 0.7 stop)", () => {
    const exposure = consistencyFindings(images).find((f) => f.key === "exposure")!;
    expect(exposure.ok).toBe(false);
    expect(exposure.outliers.map((o) => o.id)).toEqual(["c"]);
    expect(consistencyFindings(images).find((f) => f.key === "framing")!.ok).toBe(true);
  });

  it("follows the shop's override of the batch exposure limit", () => {
    const exposure = consistencyFindings(images, { batchExposureStops: 3 }).find((f) => f.key === "exposure")!;
    expect(exposure.ok).toBe(true);
    expect(exposure.outliers).toEqual([]);
  });
});
