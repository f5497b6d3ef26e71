// Renders simple but plausible jewelry product photos for the demo store: a piece (ring with a gem,
// hoops, a pendant on a chain, a bracelet) on a slightly uneven backdrop with dust specks, under a warm lamp.
// SVG drawn by sharp (librsvg): fast (tens of ms per photo), deterministic per seed.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";

export type PieceKind = "ring" | "hoops" | "pendant" | "bracelet" | "studs";
export interface PhotoSpec {
  kind: PieceKind;
  metal: "yellow" | "rose" | "white";
  gem?: "ruby" | "emerald" | "sapphire" | "diamond";
  size: number;
  seed: number;
  angle?: number;
}

const METAL = {
  yellow: ["#f6dd8f", "#c99a3a", "#7a5a1c"],
  rose: ["#f6c6b0", "#c98468", "#7c4632"],
  white: ["#f4f4f2", "#b9bab8", "#6d6f70"],
} as const;
const GEM = {
  ruby: ["#ff6b7d", "#a3001b"],
  emerald: ["#6fe3a0", "#0b6b3a"],
  sapphire: ["#7ea6ff", "#0a2a8a"],
  diamond: ["#ffffff", "#b8c4d0"],
} as const;

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function defs(spec: PhotoSpec): string {
  const [hi, mid, lo] = METAL[spec.metal];
  const [ghi, glo] = GEM[spec.gem ?? "diamond"];
  return `<defs>
    <radialGradient id="bg" cx="0.42" cy="0.38" r="0.85"><stop offset="0" stop-color="#f8f8f7"/><stop offset="0.6" stop-color="#ededeb"/><stop offset="1" stop-color="#d8d8d5"/></radialGradient>
    <linearGradient id="metal" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${hi}"/><stop offset="0.45" stop-color="${mid}"/><stop offset="0.55" stop-color="${hi}"/><stop offset="1" stop-color="${lo}"/></linearGradient>
    <radialGradient id="gem" cx="0.35" cy="0.3" r="0.8"><stop offset="0" stop-color="#ffffff"/><stop offset="0.25" stop-color="${ghi}"/><stop offset="1" stop-color="${glo}"/></radialGradient>
    <radialGradient id="shade"><stop offset="0" stop-color="#5c5c5a" stop-opacity="0.22"/><stop offset="1" stop-color="#5c5c5a" stop-opacity="0"/></radialGradient>
    <radialGradient id="blotch"><stop offset="0" stop-color="#dededb" stop-opacity="0.35"/><stop offset="1" stop-color="#dededb" stop-opacity="0"/></radialGradient>
  </defs>`;
}

function piece(spec: PhotoSpec, r: () => number): string {
  const s = spec.size;
  const c = s / 2;
  const w = s / 40;
  const shadow = (cx: number, cy: number, rx: number, ry: number) =>
    `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="url(#shade)"/>`;
  switch (spec.kind) {
    case "ring": {
      const R = s * 0.22;
      return `${shadow(c, c + R * 1.05, R * 1.1, R * 0.18)}
        <ellipse cx="${c}" cy="${c + R * 0.15}" rx="${R}" ry="${R * 0.92}" fill="none" stroke="url(#metal)" stroke-width="${w * 1.6}"/>
        <path d="M ${c - R * 0.18} ${c - R * 0.78} L ${c} ${c - R * 1.12} L ${c + R * 0.18} ${c - R * 0.78} Z" fill="url(#metal)"/>
        <circle cx="${c}" cy="${c - R * 1.05}" r="${R * 0.2}" fill="url(#gem)" stroke="${METAL[spec.metal][2]}" stroke-width="${w * 0.25}"/>
        ${[0, 1, 2, 3].map((k) => `<circle cx="${c + Math.cos((k * Math.PI) / 2 + 0.78) * R * 0.2}" cy="${c - R * 1.05 + Math.sin((k * Math.PI) / 2 + 0.78) * R * 0.2}" r="${w * 0.3}" fill="${METAL[spec.metal][0]}"/>`).join("")}`;
    }
    case "hoops": {
      const R = s * 0.14;
      return [c - R * 1.25, c + R * 1.25]
        .map(
          (x) =>
            `${shadow(x, c + R * 1.25, R * 0.9, R * 0.15)}<circle cx="${x}" cy="${c}" r="${R}" fill="none" stroke="url(#metal)" stroke-width="${w * 1.1}"/><rect x="${x - w * 0.3}" y="${c - R - w * 2}" width="${w * 0.6}" height="${w * 2}" fill="${METAL[spec.metal][1]}"/>`,
        )
        .join("");
    }
    case "studs": {
      const R = s * 0.07;
      return [c - R * 2, c + R * 2]
        .map(
          (x) =>
            `${shadow(x, c + R * 1.3, R, R * 0.2)}<circle cx="${x}" cy="${c}" r="${R * 1.15}" fill="url(#metal)"/><circle cx="${x}" cy="${c}" r="${R * 0.85}" fill="url(#gem)"/>`,
        )
        .join("");
    }
    case "pendant": {
      const top = s * 0.12;
      const py = c + s * 0.12;
      const links = Array.from({ length: 28 }, (_, k) => {
        const t = k / 27;
        const side = t < 0.5 ? -1 : 1;
        const u = t < 0.5 ? t * 2 : (1 - t) * 2;
        const x = c + side * (1 - u) * s * 0.28;
        const y = top + u * (py - top - s * 0.07) + Math.sin(u * Math.PI) * s * 0.02;
        return `<ellipse cx="${x}" cy="${y}" rx="${w * 0.55}" ry="${w * 0.35}" fill="none" stroke="url(#metal)" stroke-width="${w * 0.25}" transform="rotate(${r() * 60 - 30} ${x} ${y})"/>`;
      }).join("");
      return `${shadow(c, py + s * 0.13, s * 0.09, s * 0.02)}${links}
        <path d="M ${c} ${py - s * 0.1} L ${c + s * 0.075} ${py} L ${c} ${py + s * 0.11} L ${c - s * 0.075} ${py} Z" fill="url(#metal)"/>
        <path d="M ${c} ${py - s * 0.07} L ${c + s * 0.05} ${py} L ${c} ${py + s * 0.08} L ${c - s * 0.05} ${py} Z" fill="url(#gem)"/>`;
    }
    case "bracelet": {
      const R = s * 0.3;
      const beads = Array.from({ length: 22 }, (_, k) => {
        const a = (k / 22) * Math.PI * 2;
        return `<circle cx="${c + Math.cos(a) * R}" cy="${c + Math.sin(a) * R * 0.55}" r="${w * 0.9}" fill="url(#metal)"/>`;
      }).join("");
      return `${shadow(c, c + R * 0.62, R * 1.05, R * 0.12)}<ellipse cx="${c}" cy="${c}" rx="${R}" ry="${R * 0.55}" fill="none" stroke="url(#metal)" stroke-width="${w * 0.5}"/>${beads}
        <circle cx="${c}" cy="${c + R * 0.55}" r="${w * 1.3}" fill="url(#gem)"/>`;
    }
  }
}

function dust(spec: PhotoSpec, r: () => number): string {
  const n = 14 + Math.floor(r() * 12);
  return Array.from({ length: n }, () => {
    const x = r() * spec.size;
    const y = r() * spec.size;
    const rad = 0.8 + r() * spec.size * 0.0022;
    const shade = r() < 0.6 ? "#5d5146" : "#fffaf0";
    return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${rad.toFixed(2)}" fill="${shade}" opacity="${(0.35 + r() * 0.4).toFixed(2)}"/>`;
  }).join("");
}

export function photoSvg(spec: PhotoSpec): string {
  const r = rng(spec.seed);
  const s = spec.size;
  const angle = spec.angle ?? 0;
  // Uneven backdrop: a broad gradient plus a couple of soft blotches.
  const blotches = Array.from(
    { length: 3 },
    () =>
      `<ellipse cx="${r() * s}" cy="${r() * s}" rx="${s * (0.2 + r() * 0.2)}" ry="${s * (0.15 + r() * 0.2)}" fill="url(#blotch)"/>`,
  ).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}" viewBox="0 0 ${s} ${s}">${defs(spec)}
    <rect width="${s}" height="${s}" fill="url(#bg)"/>${blotches}
    <g transform="rotate(${angle} ${s / 2} ${s / 2})">${piece(spec, r)}</g>${dust(spec, r)}</svg>`;
}

// The scene is drawn neutral, then the whole photo gets one warm cast, as a tungsten-ish lamp puts on
// piece and backdrop alike. That keeps the demo physically honest: the engine reads the cast from the
// backdrop and removing it brings silver back to neutral (a warm backdrop behind neutral metal would
// not be a cast at all, and "correcting" it would turn silver blue).
const WARM_LAMP: [[number, number, number], [number, number, number], [number, number, number]] = [
  [1, 0, 0],
  [0, 0.95, 0],
  [0, 0, 0.84],
];

/** Renders (or reuses a cached render: same SVG, same bytes) the photo as JPEG. */
export async function renderPhoto(spec: PhotoSpec): Promise<Buffer> {
  const svg = photoSvg(spec);
  const dir = join(tmpdir(), "loupe-demo-catalog");
  const file = join(
    dir,
    `${createHash("sha256").update(`${WARM_LAMP.join()}\n${svg}`).digest("hex").slice(0, 24)}.jpg`,
  );
  try {
    return readFileSync(file);
  } catch {
    // not cached yet
  }
  const jpeg = await sharp(Buffer.from(svg))
    .recomb(WARM_LAMP)
    .jpeg({ quality: 86, chromaSubsampling: "4:4:4" })
    .toBuffer();
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${file}.${process.pid}.tmp`, jpeg);
    (await import("node:fs")).renameSync(`${file}.${process.pid}.tmp`, file);
  } catch {
    // cache is optional
  }
  return jpeg;
}
