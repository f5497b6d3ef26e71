// Worker-thread entry: owns one ISNet session (loaded on first use) and runs whole pipelines.
// Messages in: { id, input, settings }; out: { id, ok: true, output } or { id, ok: false, error }.
import { parentPort, workerData } from "node:worker_threads";
import sharp from "sharp";
import { runPipeline } from "../pipeline";
import { serializeError } from "../errors";
import { segmenterFor } from "../segment/segmenter";
import { releaseMemory } from "./release-memory";

// One image at a time per thread; libvips' own threads would only fight ONNX for the two cores.
sharp.concurrency(1);
sharp.cache(false);

const { modelPath } = workerData as { modelPath: string };
const segment = segmenterFor(modelPath);

parentPort!.on("message", async (msg: { id: number; input: Uint8Array; settings: object }) => {
  try {
    const { output } = await runPipeline(msg.input, msg.settings, segment, "output");
    // Copied, not transferred: sharp's output buffers are external memory that cannot be detached.
    parentPort!.postMessage({ id: msg.id, ok: true, output });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, ok: false, error: serializeError(e) });
  }
  await releaseMemory();
});
