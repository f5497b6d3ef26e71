// Dust on real photos (../shared/photos, no truth): the spot search must leave the pieces' own
// pattern alone — glass beads' reflections, braided cord, wire over stones, hammered and engraved
// metal. Before the ring test (workers/retouch/spots/ring.ts) these five photos got 90, 53, 47, 10 and
// 147 edits, nearly all on that pattern (looked at at 100 %: smeared bead edges, wire crossings and
// hammer pits); then 0, 0, 4, 0 and 15; now (issue-14f, cached stage inputs, scratch real14e) 0, 0, 4,
// 0 and 9 (the 9: two specks and seven films on the green pendant's glass); issue-14h, with spots held
// where the ring around them is not metal (ring.ts onMetal): 0, 0, 4, 0 and 0, and tamar_ring_0339's
// mottled blue stone 17 → 8. What the ring test holds back is listed after them as suggestions, not
// applied (held, disabled).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedPath } from "../../support/shared-data";
import { runPipeline } from "../../../workers/retouch/pipeline";
import { segmenterFor } from "../../../workers/retouch/segment/segmenter";
import { modelPathFromEnv } from "../../../workers/retouch/segment/isnet";

const network = segmenterFor(modelPathFromEnv());
const photos = sharedPath("photos");

/** Photo and the most edits allowed (measured count in the comment). */
const CASES: Array<[string, number]> = [
  ["tamar_bracelet_0358", 3], // 0: glass beads
  ["tamar_necklace_0052", 3], // 0: beads and spacers
  ["tamar_earring_0166", 8], // 4: hammered silver wire
  ["tamar_pendant_0350", 3], // 0: hammered, engraved gold
  ["elorine_necklace_necklace6", 3], // 0: braided cord, glass pendant
  ["tamar_ring_0339", 10], // 8: mottled blue stone (the 8 on its grey-blue and warm parts)
];

describe.skipIf(!photos)("spots on real photos", () => {
  for (const [name, most] of CASES)
    it(`${name}: at most ${most} edits applied, suggestions not applied, all listed by confidence`, async () => {
      const bytes = new Uint8Array(fs.readFileSync(path.join(photos!, `${name}.jpg`)));
      const r = await runPipeline(bytes, {}, network);
      const edits = r.output.report.edits;
      expect(edits.filter((e) => !e.held).length).toBeLessThanOrEqual(most);
      for (const e of edits.filter((x) => x.held)) expect(e.disabled).toBe(true);
      expect(r.output.report.measurements.spotsRemoved).toBe(edits.filter((e) => !e.disabled).length);
      for (let k = 1; k < edits.length; k++)
        expect(edits[k - 1]!.confidence ?? 0).toBeGreaterThanOrEqual(edits[k]!.confidence ?? 0);
    }, 120_000);
});
