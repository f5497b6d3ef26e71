// One plain verdict per photo, drawn from the same warnings the list shows, so the two always agree:
// a warning means "check this before publishing", notes alone mean "fine, small differences noted".
import type { Warning } from "./types";
import { warningTitle } from "./warnings";

export interface Verdict {
  tone: "success" | "info" | "warning";
  headline: string;
  detail: string;
}

export function photoVerdict(warnings: Warning[]): Verdict {
  const warns = warnings.filter((w) => w.severity === "warning");
  const notes = warnings.length - warns.length;
  if (warns.length) {
    const titles = [...new Set(warns.map((w) => warningTitle(w.code).toLowerCase()))];
    return {
      tone: "warning",
      headline: `Check ${warns.length === 1 ? "one thing" : `${warns.length} things`} before publishing`,
      detail: `Over the limit: ${titles.join(", ")}.${notes ? ` ${notes} smaller difference${notes > 1 ? "s are" : " is"} noted below.` : ""}`,
    };
  }
  if (notes)
    return {
      tone: "info",
      headline: "Fine to publish",
      detail: `No check crossed its limit; ${notes} small difference${notes > 1 ? "s are" : " is"} noted below for a closer look if you like.`,
    };
  return {
    tone: "success",
    headline: "Fine to publish",
    detail: "Every check passed: metal tone, gem color, sparkle, edges and texture match the original.",
  };
}

/** "ΔE00 5.2 (limit 3)" for a warning, "ΔE00 1.4 (warns above 3)" for a note: the measure that fired. */
export function measuredText(w: Warning): string {
  const what = w.measure ?? "Measured";
  return w.severity === "warning"
    ? `${what} ${fmt(w.value)} (limit ${fmt(w.threshold)})`
    : `${what} ${fmt(w.value)} (a warning at ${fmt(w.threshold)})`;
}

export function fmt(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
}
