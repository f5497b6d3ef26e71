// "Fix it in Loupe": the brush (erase / restore / edge, size, hardness, undo / redo, zoom) and the
// colour pass, saved as one edit list; the worker re-renders the photo and the guards run again.
// The card loads and saves through the JSON API, so the review page only places it.
import { useCallback, useEffect, useState } from "react";
import { useRevalidator } from "@remix-run/react";
import { Banner, BlockStack, Box, Button, ButtonGroup, Card, InlineStack, RangeSlider, Text } from "@shopify/polaris";
import { BrushCanvas, type BrushTool } from "./BrushCanvas";
import { ColorPanel, NEUTRAL_PASS } from "./ColorPanel";
import { VersionList } from "./VersionList";
import { applyColorToBatch, clearEdits, loadEditor, saveEdits, type EditorState } from "../../ui/editor/api";
import { addStroke, emptyHistory, redo, undo, type StrokeHistory } from "../../ui/editor/history";
import { isNeutralPass, type ColorPass, type StrokeOp } from "../../../workers/retouch/contract";

const EDITABLE = new Set(["review", "approved", "failed", "rejected", "reverted"]);
// Accessible names say what each zoom shows, apart from the viewer's own "Fit" / "100 %" buttons.
const ZOOMS = [
  { label: "Fit", name: "Whole photo in the brush view", value: 0 },
  { label: "100 %", name: "Brush view at one photo pixel per screen pixel", value: 1 },
  { label: "200 %", name: "Brush view at two screen pixels per photo pixel", value: 2 },
];
const OPS: Array<{ op: StrokeOp; label: string }> = [
  { op: "erase", label: "Erase" },
  { op: "restore", label: "Restore" },
  { op: "refine", label: "Edge" },
];

export function EditorCard(props: {
  imageId: string;
  batchId: string;
  state: string;
  width: number;
  height: number;
  cutoutUrl: string;
}) {
  const { imageId, batchId, state, width, height, cutoutUrl } = props;
  const revalidator = useRevalidator();
  const [loaded, setLoaded] = useState<EditorState | null>(null);
  const [history, setHistory] = useState<StrokeHistory>(emptyHistory());
  const [pass, setPass] = useState<ColorPass>(NEUTRAL_PASS);
  const [tool, setTool] = useState<BrushTool>({ op: "erase", radius: 12, hardness: 0.8 });
  const [zoom, setZoom] = useState(0);
  const [fit, setFit] = useState(1);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "critical"; text: string } | null>(null);
  const editable = EDITABLE.has(state) && !busy;

  const reload = useCallback(async () => {
    const s = await loadEditor(imageId);
    setLoaded(s);
    setHistory(emptyHistory(s.edits?.mask ?? []));
    setPass(s.edits?.color ?? NEUTRAL_PASS);
  }, [imageId]);

  useEffect(() => {
    reload().catch((e: Error) => setMessage({ tone: "critical", text: e.message }));
  }, [reload, state]);

  const pane = useCallback(
    (el: HTMLDivElement | null) => {
      if (!el) return;
      const measure = () => setFit(Math.min(1, el.clientWidth / width));
      measure();
      new ResizeObserver(measure).observe(el);
    },
    [width],
  );

  /** Runs an API call; `what` answers the words to show on success. */
  const run = async (what: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ tone: "success", text: await what() });
      revalidator.revalidate();
    } catch (e) {
      setMessage({ tone: "critical", text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const scale = zoom === 0 ? fit : zoom;
  const savedColor = loaded?.edits?.color ?? null;
  const applyColorTo = (scope: "batch" | "collection") =>
    run(async () => {
      const r = await applyColorToBatch(batchId, imageId, scope);
      const skipped = r.skipped.length ? `; ${r.skipped.length} skipped (${r.skipped[0]!.reason})` : "";
      return `Colour applied to ${r.applied.length} other photo${r.applied.length === 1 ? "" : "s"} of the ${scope}${skipped}.`;
    });
  return (
    <div data-testid="editor" data-version={loaded?.version ?? ""}>
      <Card>
        <BlockStack gap="400">
          <InlineStack align="space-between" blockAlign="center">
            <Text as="h2" variant="headingMd">
              Fix it in Loupe
            </Text>
            {loaded ? <Text as="span" tone="subdued" variant="bodySm">{`Version ${loaded.version}`}</Text> : null}
          </InlineStack>
          {message ? (
            <Banner tone={message.tone} onDismiss={() => setMessage(null)}>
              <span data-testid="editor-message">{message.text}</span>
            </Banner>
          ) : null}
          <InlineStack gap="300" blockAlign="center" wrap>
            <ButtonGroup variant="segmented">
              {OPS.map((o) => (
                <Button key={o.op} pressed={tool.op === o.op} onClick={() => setTool({ ...tool, op: o.op })}>
                  {o.label}
                </Button>
              ))}
            </ButtonGroup>
            <ButtonGroup variant="segmented">
              {ZOOMS.map((z) => (
                <Button
                  key={z.label}
                  pressed={zoom === z.value}
                  accessibilityLabel={z.name}
                  onClick={() => setZoom(z.value)}
                >
                  {z.label}
                </Button>
              ))}
            </ButtonGroup>
            <ButtonGroup>
              <Button disabled={!history.strokes.length} onClick={() => setHistory(undo)}>
                Undo
              </Button>
              <Button disabled={!history.redo.length} onClick={() => setHistory(redo)}>
                Redo
              </Button>
            </ButtonGroup>
          </InlineStack>
          <InlineStack gap="400" wrap>
            <Box minWidth="220px">
              <RangeSlider
                label="Brush size (px)"
                min={1}
                max={200}
                value={tool.radius}
                output
                onChange={(v) => setTool({ ...tool, radius: typeof v === "number" ? v : v[0] })}
              />
            </Box>
            <Box minWidth="220px">
              <RangeSlider
                label="Hardness"
                min={0}
                max={1}
                step={0.05}
                value={tool.hardness}
                output
                onChange={(v) => setTool({ ...tool, hardness: typeof v === "number" ? v : v[0] })}
              />
            </Box>
          </InlineStack>
          <div
            ref={pane}
            data-testid="brush-pane"
            style={{ overflow: "auto", maxHeight: "70vh", border: "1px solid var(--p-color-border)", borderRadius: 8 }}
          >
            <BrushCanvas
              width={width}
              height={height}
              cutoutUrl={cutoutUrl}
              strokes={history.strokes}
              tool={tool}
              zoom={scale}
              disabled={!editable}
              onStroke={(s) => setHistory((h) => addStroke(h, s))}
            />
          </div>
          <ColorPanel
            baseCutoutUrl={loaded?.baseCutoutUrl ?? null}
            reference={loaded?.reference ?? null}
            pass={pass}
            disabled={!editable}
            onChange={setPass}
          />
          <InlineStack gap="200" wrap>
            <Button
              variant="primary"
              disabled={!editable}
              loading={busy}
              onClick={() =>
                run(
                  async () => (
                    await saveEdits(imageId, {
                      mask: history.strokes,
                      ...(isNeutralPass(pass) ? {} : { color: pass }),
                    }),
                    "Saved: Loupe is rendering the new version."
                  ),
                )
              }
            >
              Save edits
            </Button>
            <Button
              disabled={!editable || !loaded?.edits}
              onClick={() =>
                run(async () => (await clearEdits(imageId), "Back to the automatic result: Loupe is rendering it."))
              }
            >
              Remove all edits
            </Button>
            <Button disabled={!editable || !savedColor} onClick={() => applyColorTo("batch")}>
              Apply colour to batch
            </Button>
            {loaded?.inCollection ? (
              <Button disabled={!editable || !savedColor} onClick={() => applyColorTo("collection")}>
                Apply colour to collection
              </Button>
            ) : null}
          </InlineStack>
          {loaded ? <VersionList versions={loaded.versions} /> : null}
        </BlockStack>
      </Card>
    </div>
  );
}
