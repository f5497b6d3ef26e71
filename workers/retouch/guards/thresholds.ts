// Every guard threshold is a named setting; callers override any subset. The colour defaults start
// from docs/color-science.md (region means: < 1 pass, 1–2 note, > 2 warn; ΔH > ~1.5 warn) and were
// then calibrated on the synthetic and real-photo damage sets (tests/fixtures/guards/calibrate.ts):
// honest real photos (JPEG 4:2:0, denoise, estimated matte and gains) reach ΔE 1.5–2 and ΔH ~2 on
// metal, so the warning level sits at ΔE 3 (ΔH 2.5) while notes keep the suggested 1. A note never counts as a
// false alarm; a warning must be worth a merchant's attention.

export const DEFAULT_THRESHOLDS = {
  // METAL_TONE_SHIFT: ΔE00 of the non-specular metal mean (luminance matched), and metric hue ΔH*.
  metalDeltaENote: 1,
  metalDeltaEWarn: 3,
  metalHueWarn: 2.5,
  // METAL_TYPE_MISMATCH: chroma under which metal reads "white"; hue bands of yellow and rose gold.
  metalWhiteChromaMax: 8,
  metalYellowHueMin: 72,
  metalRoseHueMax: 68,
  metalRoseAMin: 5,
  metalColoredChromaMin: 12,
  // GEM_COLOR_SHIFT
  gemDeltaENote: 1.5,
  gemDeltaEWarn: 4.5,
  gemHueRiseWarn: 5,
  gemEmeraldTealHue: 180,
  gemSapphireOkHueWarn: 5,
  gemMinAreaFraction: 0.0008,
  // Median per-pixel hue-angle turn of a stone (degrees) and the chromatic pixels it needs.
  gemPixelHueWarn: 8,
  gemHueMinPixels: 30,
  // SPARKLE_LOST: share of the original highlight energy that remains (note below, warning below).
  sparkleKeptNote: 0.8,
  sparkleKeptWarn: 0.5,
  sparkleMinHighlights: 2,
  // SPARKLE_ADDED: new glints allowed (none) and the contrast a peak needs to count as a glint.
  sparkleAddedMaxCount: 1,
  sparklePeakRatio: 1.15,
  // HALO: share of the old backdrop's colour left in the ring just outside the piece.
  haloBleedNote: 0.1,
  haloBleedWarn: 0.2,
  haloMinBackdropDeltaE: 1,
  // A warning also needs the fringe to be visible: bleed × ΔE00(old backdrop, studio) above this.
  haloVisibleDeltaE: 2.5,
  // EDGE_SOFT: strong-edge gradient kept (after / before).
  edgeKeptWarn: 0.6,
  edgeKeptNote: 0.75,
  // TEXTURE_LOST: SSIM on L* and high-frequency energy kept, inside textured piece areas.
  textureSsimWarn: 0.75,
  textureHfKeptWarn: 0.55,
  textureMinFraction: 0.02,
  // Local loss: tiles whose detail energy (L*², σ 1.5 residual) is at least this, kept under
  // textureTileHfKept of it, as a share of all such tiles' energy.
  textureTileEnergyMin: 4,
  textureTileHfKept: 0.2,
  textureTilesLostWarn: 0.12,
  textureMinTiles: 3,
  // SHADOW_CAST: a*b* shift (ΔE00 of luminance-matched means) in dark piece areas.
  shadowDeltaEWarn: 8,
  shadowDeltaENote: 2,
  shadowLMax: 40,
  shadowMinFraction: 0.01,
  // REFERENCE_MISMATCH: ΔE00 of metal means against the approved reference image.
  referenceDeltaENote: 3,
  referenceDeltaEWarn: 6,
  // PIECE_AREA_LOST (check CLI): share of the original's piece that is studio background in the
  // result; only on plain surfaces (surface tolerance, ΔE00, at most this).
  pieceLostNote: 0.01,
  pieceLostWarn: 0.03,
  pieceLostMaxSurfaceTol: 24,
  // PROP_KEPT (check CLI): share of the frame that looks like the old surface yet is not the new background.
  // 0.005 → 0.008: the independent set's honest retouches (`report.ts 0 --cutout --half cal`) keep
  // up to 0.005 of white metal on a blue card (ring_nhan1); the smallest kept prop measured is the
  // 60×40 patch of the PROP_KEPT test (0.015–0.025), the drape folds of elorine_pendant_necklace2 0.031.
  propKeptShare: 0.008,
  // Batch guards.
  batchExposureStops: 0.7,
  batchBackgroundDeltaE: 2,
  batchEdgeRobustZ: 3.5,
  batchFramingFillRel: 0.25,
  batchFramingCenterShift: 0.06,
  // Working resolution: images up to workMaxPixels are analysed at full resolution; larger ones are
  // box-averaged (in linear light) to about workLargePixels, which keeps a 4 MP pair within budget.
  workMaxPixels: 1_100_000,
  workLargePixels: 500_000,
} satisfies Record<string, number>;

/** The closed set of threshold names: a setting naming any other is refused (settings.ts). */
export type ThresholdKey = keyof typeof DEFAULT_THRESHOLDS;
export type Thresholds = Record<ThresholdKey, number>;
/** What a shop or a caller overrides. */
export type ThresholdOverrides = Partial<Thresholds>;

export const THRESHOLD_KEYS = Object.keys(DEFAULT_THRESHOLDS) as ThresholdKey[];

export function isThresholdKey(k: string): k is ThresholdKey {
  return Object.hasOwn(DEFAULT_THRESHOLDS, k);
}

export function resolveThresholds(overrides?: ThresholdOverrides): Thresholds {
  const t: Thresholds = { ...DEFAULT_THRESHOLDS };
  if (overrides) for (const k of THRESHOLD_KEYS) if (typeof overrides[k] === "number") t[k] = overrides[k];
  return t;
}
