// Resolution and framing on real photos (read in place from ../shared/photos; never copied): nothing
// is enlarged — the canvas is the smaller of the store's size and what the piece's pixels support —
// and a chain the photo cut runs off the canvas on that side, with the margin on the other sides.
import fs from "node:fs";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { EnginePool } from "../../../workers/retouch/index";
import { DEFAULT_SETTINGS } from "../../../workers/retouch/settings";
import { PHOTO_DIR, requirePhotos } from "../../fixtures/guards/photo-dir";

type Side = "left" | "top" | "right" | "bottom";
const cases: Array<[string, Side[]]> = [
  ["elorine_pendant_necklace2.jpg", ["top"]], // the chain runs off the top of the photo
  ["tamar_necklace_0104.jpg", ["left", "top", "right"]], // a bib necklace cut on three sides
  ["tamar_earring_0164.jpg", []], // small earrings in the middle of a 678 × 800 photo
];
// Skipped only on a machine without ../shared/photos; in CI (CI=true) its absence is an error.
const present = requirePhotos() && cases.every(([f]) => fs.existsSync(`${PHOTO_DIR}/${f}`));

describe.runIf(present)("resolution and framing on real photos", () => {
  const pool = new EnginePool({ threads: 1 });
  afterAll(() => pool.close());

  for (const [file, cut] of cases)
    it(`${file}: not enlarged; cut ${cut.length ? cut.join(", ") : "nowhere"}, margins elsewhere`, async () => {
      const o = await pool.retouch(fs.readFileSync(`${PHOTO_DIR}/${file}`), {});
      const fr = o.report.framing;
      const { data, info } = await sharp(o.composite).raw().toBuffer({ resolveWithObject: true });
      const n = info.width;
      expect(info.height).toBe(n);
      // Resolution: one source pixel per output pixel at most, the canvas no larger than the piece supports.
      expect(fr.scale).toBeLessThanOrEqual(1);
      expect(n).toBe(Math.min(DEFAULT_SETTINGS.size, fr.supported!));
      expect(n).toBeLessThanOrEqual(Math.max(o.report.input.width, o.report.input.height));
      expect(o.report.input.notes.join(" ")).toMatch(/too small for the store's 2048 px/);
      // Framing: the sides the photo cut, and piece pixels on the canvas's outermost row or column there.
      expect([...fr.cut!].sort()).toEqual([...cut].sort());
      const piece = (x: number, y: number) => {
        const p = info.channels * (y * n + x);
        return Math.min(data[p]!, data[p + 1]!, data[p + 2]!) < 200;
      };
      const onLine = (side: Side, d: number) => {
        let k = 0;
        for (let i = 0; i < n; i++) {
          const [x, y] =
            side === "left" ? [d, i] : side === "right" ? [n - 1 - d, i] : side === "top" ? [i, d] : [i, n - 1 - d];
          if (piece(x, y)) k++;
        }
        return k;
      };
      const margin = Math.floor(DEFAULT_SETTINGS.marginPct * n) - 2;
      const counts: Record<string, number> = {};
      for (const side of ["left", "top", "right", "bottom"] as const) {
        if (cut.includes(side)) {
          counts[side] = onLine(side, 0);
          expect(counts[side], side).toBeGreaterThanOrEqual(3);
        } else {
          // A margin that no piece pixel enters (a centred side may have more than the margin).
          for (let d = 0; d < margin; d++) expect(onLine(side, d), `${side} ${d}`).toBe(0);
        }
      }
      console.log(`${file}: ${n} px canvas (asked 2048), scale ${fr.scale}, cut ${cut.join(",") || "none"}`, counts);
    });
});
