// A stand-in engine thread for the pool's timeout test: an input reading "hang" is never answered
// (a stuck image); anything else is answered at once with a tiny output and the thread's id.
import { parentPort, threadId } from "node:worker_threads";

parentPort!.on("message", (msg: { id: number; input: Uint8Array }) => {
  if (Buffer.from(msg.input).toString() === "hang") return;
  const bytes = new Uint8Array([1, 2, 3]);
  parentPort!.postMessage({
    id: msg.id,
    ok: true,
    output: {
      cutoutPng: bytes,
      composite: bytes,
      thumbnail: bytes,
      compositeMime: "image/png",
      compositeExt: "png",
      width: threadId,
      height: 1,
      report: { warnings: [] },
    },
  });
});
