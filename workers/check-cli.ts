// `npm run check -- --before ORIGINAL --after RETOUCHED [--reference REF] [--product TITLE] [--json]`
//
// Runs Loupe's guards on any retoucher's output. There is no matte and no gains here: the piece is
// estimated from the two photos (estimateMatte: background where the original looks like its
// shooting surface or the result like its studio background) and the gains from the backdrop.
// A result of another size, crop or framing (Loupe's own square composite too) is first registered
// onto the original by the piece's silhouette (guards/register.ts), and the output says so.
// Prints one plain verdict (check-verdict.ts) and the warnings (plain text, or
// `{ "verdict": {...}, "warnings": [...], "registration": {...} }` with --json) and
// exits 0; exits 1 on unusable input (missing or unreadable file).
import { checkPair, decodeFile, type Warning } from "./retouch/index";

interface Args {
  before?: string;
  after?: string;
  reference?: string;
  product?: string;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { json: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    if (k === "--json") a.json = true;
    else if (v && (k === "--before" || k === "--after" || k === "--reference" || k === "--product")) {
      a[k.slice(2) as "before" | "after" | "reference" | "product"] = v;
      i++;
    } else if (k === "--help" || k === "-h") {
      console.log(
        "usage: npm run check -- --before ORIGINAL --after RETOUCHED [--reference REF] [--product TITLE] [--json]",
      );
      process.exit(0);
    }
  }
  return a;
}

function human(ws: Warning[]): string {
  if (ws.length === 0) return "No warnings: the guards found nothing to check by eye.";
  return ws
    .map((w) => {
      const where =
        w.region.kind === "box"
          ? ` at x ${w.region.box.x}, y ${w.region.box.y}, ${w.region.box.w}×${w.region.box.h} px`
          : w.region.kind === "boxes"
            ? ` in ${w.region.boxes.length} places`
            : "";
      return `[${w.severity}] ${w.code}${where}: ${w.message} (value ${w.value}, threshold ${w.threshold})`;
    })
    .join("\n");
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.before || !args.after) {
    console.error("check: --before ORIGINAL and --after RETOUCHED are required");
    return 1;
  }
  const [before, after] = await Promise.all([decodeFile(args.before), decodeFile(args.after)]);
  const reference = args.reference ? await decodeFile(args.reference) : null;
  const { warnings, registration, verdict } = checkPair(before, after, {
    reference,
    product: args.product ? { title: args.product } : undefined,
  });
  if (args.json) console.log(JSON.stringify({ verdict, warnings, registration }, null, 2));
  else console.log(`${verdict.headline}\n${registration.note}\n${human(warnings)}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`check: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
