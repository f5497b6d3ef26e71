// The retouched result drawn in the original's frame: the square composite placed where the framing
// put the piece, over the shop's background color. Clipped from the left by the slider.
import type { Framing } from "../../ui/geometry";
import { compositePlacement, pctStyle } from "../../ui/geometry";

interface Props {
  url: string;
  width: number;
  height: number;
  framing: Framing;
  background: string;
  /** Share of the frame, from the left, where the original stays visible (0–100). */
  split: number;
  alt: string;
}

export function AfterLayer({ url, width, height, framing, background, split, alt }: Props) {
  const place = compositePlacement(framing);
  return (
    <div
      data-testid="after-layer"
      style={{ position: "absolute", inset: 0, background, clipPath: `inset(0 0 0 ${split}%)`, overflow: "hidden" }}
    >
      <img
        src={url}
        alt={alt}
        draggable={false}
        style={{ position: "absolute", ...pctStyle(place, width, height), maxWidth: "none" }}
      />
    </div>
  );
}
