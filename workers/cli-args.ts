// The retouch CLI's arguments (workers/cli.ts). The settings are checked here, before any file is
// read, by the engine's one schema: a bad value stops the run with the message the web app gives.
import { resolveSettings, type RetouchSettings } from "./retouch/contract";

export const CLI_USAGE =
  "FILE... --out DIR [--background '#ffffff'] [--size 2048] [--shadow soft|none] [--shadow-strength 0.5] [--upscale] [--format jpg|png|webp|tiff|psd] [--margin 0.08]";

export class CliUsageError extends Error {}

export interface CliArgs {
  files: string[];
  out: string;
  settings: RetouchSettings;
}

/** The options as given; numbers are read with Number() so that "abc" reaches the schema as NaN. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const files: string[] = [];
  let out = "";
  const given: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const val = () => {
      const x = argv[++i];
      if (x === undefined) throw new CliUsageError(`${a} needs a value`);
      return x;
    };
    if (a === "--out") out = val();
    else if (a === "--background") given.background = val();
    else if (a === "--size") given.size = Number(val());
    else if (a === "--margin") given.marginPct = Number(val());
    else if (a === "--shadow") given.shadow = val();
    else if (a === "--shadow-strength") given.shadowStrength = Number(val());
    else if (a === "--upscale") given.upscale = true;
    else if (a === "--format") given.format = val();
    else if (a === "--help" || a === "-h") throw new CliUsageError("");
    else if (a.startsWith("--")) throw new CliUsageError(`unknown option ${a}`);
    else files.push(a);
  }
  if (!files.length) throw new CliUsageError("no input files");
  if (!out) throw new CliUsageError("--out DIR is required");
  return { files, out, settings: resolveSettings(given as Partial<RetouchSettings>) };
}
