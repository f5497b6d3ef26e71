// Color swatches for the color warnings (and the whole piece): the original's color, the result's
// and, when the collection has one, the approved reference's, with ΔE00 in plain words.
import { BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import { useMemo } from "react";
import { deltaE00, deltaEWords, type Lab } from "../../ui/color";
import { compositePlacement, regionBoxes, unionBox, type Framing } from "../../ui/geometry";
import { pieceAt, regionMean, usePixels } from "../../ui/pixels";
import type { Box, Warning } from "../../ui/types";
import { measuredText } from "../../ui/verdict";
import { isColorWarning, warningTitle } from "../../ui/warnings";

interface Props {
  originalUrl: string;
  compositeUrl: string | null;
  cutoutUrl: string | null;
  referenceUrl: string | null;
  framing: Framing | null;
  warnings: Warning[];
}

interface Row {
  key: string;
  title: string;
  original: { lab: Lab; rgb: number[] } | null;
  result: { lab: Lab; rgb: number[] } | null;
  reference: { lab: Lab; rgb: number[] } | null;
  guard: Warning | null;
}

export function Swatches(p: Props) {
  const orig = usePixels(p.originalUrl);
  const comp = usePixels(p.compositeUrl);
  const cut = usePixels(p.cutoutUrl);
  const ref = usePixels(p.referenceUrl, 512);

  const rows = useMemo<Row[]>(() => {
    if (!orig || !cut || !p.framing) return [];
    const keep = pieceAt(cut);
    const place = compositePlacement(p.framing);
    const sampleResult = (b: Box) => {
      if (!comp) return null;
      const k = (comp.width * comp.scale) / place.w; // composite px per input px
      const toInput = (x: number, y: number) => keep(place.x + x / k, place.y + y / k);
      return regionMean(comp, { x: (b.x - place.x) * k, y: (b.y - place.y) * k, w: b.w * k, h: b.h * k }, toInput);
    };
    const refMean = ref
      ? regionMean(ref, { x: 0, y: 0, w: ref.width * ref.scale, h: ref.height * ref.scale }, (x, y) =>
          isPiece(ref, x, y),
        )
      : null;
    const targets: Array<{ key: string; title: string; box: Box; guard: Warning | null }> = [
      { key: "piece", title: "Whole piece", box: p.framing.box, guard: null },
      ...p.warnings.filter(isColorWarning).map((w, i) => ({
        key: `${w.code}-${i}`,
        title: warningTitle(w.code),
        box: unionBox(regionBoxes(w, p.framing!.box)),
        guard: w,
      })),
    ];
    return targets.map((t) => ({
      key: t.key,
      title: t.title,
      guard: t.guard,
      original: regionMean(orig, t.box, keep),
      result: sampleResult(t.box),
      reference: refMean,
    }));
  }, [orig, comp, cut, ref, p.framing, p.warnings]);

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Color check
        </Text>
        {rows.length === 0 ? (
          <Text as="p" tone="subdued">
            Measuring colors…
          </Text>
        ) : (
          rows.map((r) => <SwatchRow key={r.key} row={r} />)
        )}
        {!p.referenceUrl ? (
          <Text as="p" variant="bodySm" tone="subdued">
            No reference image for this collection yet: choose one in Settings to compare every photo against it.
          </Text>
        ) : null}
      </BlockStack>
    </Card>
  );
}

function isPiece(
  px: { data: Uint8ClampedArray; width: number; height: number; scale: number },
  x: number,
  y: number,
): boolean {
  // A reference is a finished photo on a plain background: the piece is what differs from the corner.
  const i =
    4 *
    (Math.min(px.height - 1, Math.floor(y / px.scale)) * px.width + Math.min(px.width - 1, Math.floor(x / px.scale)));
  const d =
    Math.abs(px.data[i]! - px.data[0]!) +
    Math.abs(px.data[i + 1]! - px.data[1]!) +
    Math.abs(px.data[i + 2]! - px.data[2]!);
  return d > 30;
}

function SwatchRow({ row }: { row: Row }) {
  const de = row.original && row.result ? deltaE00(row.original.lab, row.result.lab) : null;
  const deRef = row.reference && row.result ? deltaE00(row.reference.lab, row.result.lab) : null;
  // A guard's row shows the guard's own number (the one that fired, in its own measure); the whole
  // piece shows no ΔE of its own: it includes Loupe's intended corrections and would contradict the verdict.
  const shown = row.guard ? row.guard.value : null;
  const isDeltaE = !row.guard?.measure || row.guard.measure === "ΔE00";
  return (
    <BlockStack gap="100">
      <Text as="h3" variant="headingSm">
        {row.title}
      </Text>
      <InlineStack gap="200" blockAlign="center">
        <Chip label="Original" rgb={row.original?.rgb} />
        <Chip label="Result" rgb={row.result?.rgb} />
        {row.reference ? <Chip label="Reference" rgb={row.reference.rgb} /> : null}
      </InlineStack>
      {shown !== null && row.guard ? (
        <div data-testid="delta-e" data-value={shown.toFixed(2)}>
          <Text as="p" variant="bodySm">
            {isDeltaE
              ? `ΔE00 ${shown.toFixed(1)} (${row.guard.severity === "warning" ? "limit" : "a warning at"} ${row.guard.threshold}, measured by Loupe's check on the metal or stone): ${deltaEWords(shown)}`
              : `${measuredText(row.guard)}, measured by Loupe's check on the metal or stone.`}
          </Text>
        </div>
      ) : de !== null ? (
        <div data-testid="piece-color" data-value={de.toFixed(2)}>
          <Text as="p" variant="bodySm" tone="subdued">
            Whole piece as Loupe corrected it (brightness and white balance on purpose); the color checks compare
            against that corrected target, not the raw original.
          </Text>
        </div>
      ) : null}
      {deRef !== null ? (
        <Text as="p" variant="bodySm" tone="subdued">
          Against the reference: ΔE00 {deRef.toFixed(1)} — {deltaEWords(deRef)}
        </Text>
      ) : null}
    </BlockStack>
  );
}

function Chip({ label, rgb }: { label: string; rgb?: number[] }) {
  const css = rgb ? `rgb(${rgb.map((v) => Math.round(v)).join(" ")})` : "transparent";
  return (
    <InlineStack gap="100" blockAlign="center">
      <span
        role="img"
        aria-label={`${label} color${rgb ? ` rgb ${rgb.map((v) => Math.round(v)).join(", ")}` : " not measured"}`}
        style={{
          width: 28,
          height: 28,
          borderRadius: 6,
          background: css,
          border: "1px solid var(--p-color-border)",
          display: "inline-block",
        }}
      />
      <Text as="span" variant="bodySm">
        {label}
      </Text>
    </InlineStack>
  );
}
