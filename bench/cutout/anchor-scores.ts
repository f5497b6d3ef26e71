// The shipped anchor's scores on the dev set never change while its cutout and the scoring code stay
// the same, and scoring a ~2000² scene costs about as much as Loupe's whole pipeline on it: they are
// kept in the git-ignored .cache/cutout-dev/anchor-scores.json, keyed by the anchor cutout's size and
// mtime and a hash of the scoring code, so a bench run pays only for Loupe.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { CaseScore } from "./score";

const root = path.resolve(import.meta.dirname, "..", "..");
const FILE = path.join(root, ".cache", "cutout-dev", "anchor-scores.json");
const SCORING_CODE = [
  "bench/cutout/score.ts",
  "bench/cutout/dataset.ts",
  "workers/retouch/metrics/cutout.ts",
  "workers/retouch/metrics/matte-integrity.ts",
];

function codeHash(): string {
  const h = createHash("sha1");
  for (const f of SCORING_CODE) h.update(fs.readFileSync(path.join(root, f)));
  return h.digest("hex");
}

export function anchorScoreCache(): {
  get(cutout: string): CaseScore | null;
  put(cutout: string, s: CaseScore): void;
  save(): void;
} {
  const code = codeHash();
  let store: Record<string, CaseScore> = {};
  try {
    // JSON writes NaN (bleed on flat white, where it is undefined) as null: read it back as NaN, or
    // the table would average a 0 into the anchor's bleed.
    store = JSON.parse(fs.readFileSync(FILE, "utf8"), (_k, v: unknown) => (v === null ? NaN : v)) as Record<
      string,
      CaseScore
    >;
  } catch {
    store = {};
  }
  const key = (cutout: string) => {
    const st = fs.statSync(cutout);
    return `${path.basename(cutout)}|${st.size}|${st.mtimeMs}|${code}`;
  };
  return {
    get: (cutout) => store[key(cutout)] ?? null,
    put: (cutout, s) => {
      store[key(cutout)] = s;
    },
    save: () => {
      fs.mkdirSync(path.dirname(FILE), { recursive: true });
      fs.writeFileSync(FILE, JSON.stringify(store));
    },
  };
}
