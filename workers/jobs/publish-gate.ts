// Whether a retouched image may go to the live store without a human: only when its report is there,
// the guards ran, every finding is one Loupe understands, and none of them is a warning or a finding
// that the piece itself may be wrong. Anything else holds the image for review (fail closed).
export const BLOCKING_CODES: ReadonlySet<string> = new Set(["PIECE_AREA_LOST", "CUTOUT_UNCERTAIN"]);
const SEVERITIES = new Set(["note", "warning"]);

export interface GateInput {
  /** The stored report, or null when it is missing or unreadable. */
  report: unknown;
}

export type GateVerdict = { publish: true } | { publish: false; reason: string };

export function autoPublishVerdict({ report }: GateInput): GateVerdict {
  const hold = (reason: string): GateVerdict => ({ publish: false, reason: `Held for your review: ${reason}` });
  if (!report || typeof report !== "object") return hold("the guard report for this image is missing.");
  const r = report as { warnings?: unknown; timings?: { guards?: unknown } };
  if (!Array.isArray(r.warnings)) return hold("the guard report has no findings list.");
  if (typeof r.timings?.guards !== "number" || !Number.isFinite(r.timings.guards))
    return hold("the guards did not run on this image.");
  for (const w of r.warnings) {
    const code = (w as { code?: unknown } | null)?.code;
    const severity = (w as { severity?: unknown } | null)?.severity;
    if (typeof code !== "string" || typeof severity !== "string" || !SEVERITIES.has(severity))
      return hold("a guard finding is in a form Loupe does not know.");
    if (BLOCKING_CODES.has(code))
      return hold(
        `${code === "PIECE_AREA_LOST" ? "part of the piece may have been cut away" : "the cutout may include more than the piece"} (${code}).`,
      );
  }
  const warnings = r.warnings.filter((w) => (w as { severity: string }).severity === "warning").length;
  if (warnings > 0) return hold(`${warnings === 1 ? "a guard" : `${warnings} guards`} raised a warning.`);
  return { publish: true };
}
