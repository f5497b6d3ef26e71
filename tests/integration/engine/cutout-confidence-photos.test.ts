// The cutout-confidence warning on real photos (read in place from ../shared/photos when the
// workspace has them; never copied): styled shots where the network kept a satin drape or a plate are
// flagged; plain-surface shots are not.
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { EnginePool } from "../../../workers/retouch/index";
import { PHOTO_DIR, requirePhotos } from "../../fixtures/guards/photo-dir";

const cases: [string, boolean][] = [
  ["elorine_ring_ring1.jpg", true], // ring on a satin drape: the drape is kept
  ["elorine_necklace_necklace3.jpg", true], // necklace on a plate: the plate stays as a ghost
  ["tamar_earring_0163.jpg", false], // earrings on a plain white sweep
  ["tamar_ring_0338.jpg", false], // ring on a plain white sweep
];
// Skipped only on a machine without ../shared/photos; in CI (CI=true) its absence is an error.
const present = requirePhotos() && cases.every(([f]) => fs.existsSync(`${PHOTO_DIR}/${f}`));

describe.runIf(present)("cutout confidence on real photos", () => {
  const pool = new EnginePool({ threads: 1 });
  afterAll(() => pool.close());

  for (const [file, flagged] of cases)
    it(`${file}: ${flagged ? "flagged" : "not flagged"}`, async () => {
      const o = await pool.retouch(fs.readFileSync(`${PHOTO_DIR}/${file}`), { size: 512 });
      const codes = o.report.warnings.map((w) => w.code);
      expect(codes.includes("CUTOUT_UNCERTAIN")).toBe(flagged);
    });
});
