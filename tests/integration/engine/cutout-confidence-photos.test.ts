// The cutout-confidence warning on real photos (read in place from ../shared/photos when the
// workspace has them; never copied): styled shots where the network kept a satin drape or a plate are
// flagged; plain-surface shots are not. Props the overall shares miss (matte/kept-prop.ts) are flagged
// with the box of what was kept: a loose crystal apart from the pendant, a cloth framed by a necklace,
// a jewelry box, a satin ghost by a clasp, a satin fold kept through a ring (plain, in the satin's own
// colours); earring pairs — even two unlike pairs side by side — and pieces alone on satin or wood are not.
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import type { Box } from "../../../workers/retouch/types";
import { EnginePool } from "../../../workers/retouch/index";
import { PHOTO_DIR, requirePhotos } from "../../fixtures/guards/photo-dir";

/** File, flagged, and for the kept-prop signs the point (original pixels) the marked box must hold. */
const cases: [string, boolean, [number, number]?][] = [
  ["elorine_ring_ring1.jpg", true], // ring on a satin drape: the drape is kept
  ["elorine_necklace_necklace3.jpg", true], // necklace on a plate: the plate stays as a ghost
  ["tamar_pendant_0036.jpg", true, [295, 416]], // a loose blue crystal kept left of the pendant
  ["tamar_pendant_0214.jpg", true, [989, 454]], // a loose violet crystal kept right of the pendant
  ["elorine_necklace_necklace6.jpg", true, [618, 717]], // the green cloth inside the necklace
  ["elorine_ring_other1.jpg", true, [675, 165]], // flat-lay: the jewelry box kept whole
  ["elorine_bracelet_bracelet5.jpg", true, [335, 410]], // a pink satin ghost by the clasp
  ["elorine_ring_ring2.jpg", true, [850, 880]], // the pink satin fold kept opaque through the ring
  ["tamar_earring_0163.jpg", false], // earrings on a plain white sweep
  ["tamar_ring_0338.jpg", false], // ring on a plain white sweep
  ["tamar_earring_0351.jpg", false], // two unlike pairs of earrings, each like its twin
  ["tamar_earring_0169.jpg", false], // an earring pair standing apart
  ["tamar_pendant_0350.jpg", false], // a pair of large flat gold earrings
  ["elorine_bracelet_bracelet1.jpg", false], // a cuff lifted off cream satin
  ["tamar_pendant_0028.jpg", false], // a silver pendant with flat faces on weathered wood
];
// Skipped only on a machine without ../shared/photos; in CI (CI=true) its absence is an error.
const present = requirePhotos() && cases.every(([f]) => fs.existsSync(`${PHOTO_DIR}/${f}`));

describe.runIf(present)("cutout confidence on real photos", () => {
  const pool = new EnginePool({ threads: 1 });
  afterAll(() => pool.close());

  for (const [file, flagged, at] of cases)
    it(`${file}: ${flagged ? "flagged" : "not flagged"}${at ? " with the kept part's box" : ""}`, async () => {
      const o = await pool.retouch(fs.readFileSync(`${PHOTO_DIR}/${file}`), { size: 512 });
      const found = o.report.warnings.filter((w) => w.code === "CUTOUT_UNCERTAIN");
      expect(found.length > 0).toBe(flagged);
      if (!at) return;
      expect(found).toHaveLength(1);
      const region = found[0]!.region;
      expect(region.kind).toBe("box");
      const b = (region as { box: Box }).box;
      const [x, y] = at;
      expect(x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h, `${JSON.stringify(b)} holds (${x}, ${y})`).toBe(
        true,
      );
      // The box marks the part, not the photo.
      expect(b.w * b.h).toBeLessThan(0.5 * o.report.input.width * o.report.input.height);
    }, 120_000);
});
