// The retouched result drawn in the original's frame: the square composite placed where the framing
// put the piece, over the shop's background color. Clipped from the left up to the divider.
import type { Framing } from "../../ui/geometry";
import { compositePlacement, pctStyle } from "../../ui/geometry";

interface Props {
  url: string;
  width: number;
  height: number;
  framing: Framing;
  background: string;
  /** Where, from the frame's left, the retouched layer starts (CSS length: "50%", "812px", "0"). */
  clipLeft: string;
  alt: string;
}

export function AfterLayer({ url, width, height, framing, background, clipLeft, alt }: Props) {
  const place = compositePlacement(framing);
  return (
    <div
      data-testid="after-layer"
      style={{ position: "absolute", inset: 0, background, clipPath: `inset(0 0 0 ${clipLeft})`, overflow: "hidden" }}
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
