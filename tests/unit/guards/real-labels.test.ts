// The by-eye labels of the real photos: they cover every photo in ../shared/photos, and the
// precision/recall arithmetic counts what it should (hand-made findings, not the guards' output).
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PHOTO_DIR, requirePhotos } from "../../fixtures/guards/photo-dir";
import { BLIND_LABELS, loadLabels, scoreWarnings } from "../../fixtures/guards/real/score";

describe("real-photo labels", () => {
  const labels = loadLabels();
  const blind = loadLabels(BLIND_LABELS);

  it.runIf(requirePhotos())("label every photo once, in both judgments", () => {
    const photos = readdirSync(PHOTO_DIR)
      .filter((f) => f.endsWith(".jpg"))
      .sort();
    expect(labels.map((l) => l.file).sort()).toEqual(photos);
    expect(blind.map((l) => l.file).sort()).toEqual(photos);
  });

  it("scores warnings against the labels", () => {
    const prop = labels.find((l) => l.propKept && !l.pieceErased)!;
    const clean = labels.find((l) => !l.propKept && !l.pieceErased && !l.halo && !l.colorShift && !l.refused)!;
    const erased = labels.find((l) => l.pieceErased)!;
    const s = scoreWarnings(
      labels,
      new Map([
        [prop.file, ["CUTOUT_UNCERTAIN", "METAL_TONE_SHIFT"]],
        [clean.file, ["HALO"]],
        [erased.file, ["PIECE_AREA_LOST"]],
      ]),
    );
    // 4 warnings: CUTOUT_UNCERTAIN on a kept prop and PIECE_AREA_LOST on an erased part are right.
    expect(s.warnings).toBe(4);
    expect(s.right).toBe(2);
    expect(s.recall.propKept.caught).toBe(1);
    expect(s.recall.pieceErased.caught).toBe(1);
    expect(s.recall.pieceErased.labelled).toBe(1);
  });
});
