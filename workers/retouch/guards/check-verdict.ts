// One plain verdict for a `check` run, drawn from the same warnings it prints (so the two agree) and
// from the registration: a result that could not be matched to the original is held for a look by
// eye, never called fine (fail closed). The review page's verdict (app/ui/verdict.ts) follows the
// same rule: a warning means "check before publishing", notes alone mean "fine, small differences".
import type { Warning } from "../types";

export interface CheckVerdict {
  /** "check": something crossed its limit or the match is unreliable; "fine": nothing did. */
  status: "check" | "fine";
  headline: string;
  /** The codes over their limit, each once, in the order printed. */
  over: string[];
  notes: number;
}

export function checkVerdict(warnings: Warning[], matched: boolean): CheckVerdict {
  const over = [...new Set(warnings.filter((w) => w.severity === "warning").map((w) => w.code))];
  const notes = warnings.filter((w) => w.severity === "note").length;
  const noted = notes ? ` (${notes} smaller difference${notes > 1 ? "s" : ""} noted)` : "";
  if (!matched)
    return {
      status: "check",
      headline: `Check by eye: the result could not be matched to the original reliably, so no finding is trusted${noted}.`,
      over,
      notes,
    };
  if (over.length)
    return {
      status: "check",
      headline: `Check before publishing: ${over.join(", ")} over the limit${noted}.`,
      over,
      notes,
    };
  return {
    status: "fine",
    headline: notes ? `Fine to publish: no check crossed its limit${noted}.` : "Fine to publish: every check passed.",
    over,
    notes,
  };
}
