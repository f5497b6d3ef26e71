// EnginePool: a worker_threads pool that runs whole retouches off the caller's event loop. Each
// thread loads one ISNet session on first use and keeps it. Input errors come back as
// RetouchInputError (code and message preserved); a crashed thread fails only its own image and is
// replaced. An image given a timeout that its thread overruns fails alone (EngineTimeoutError, not
// retried): the thread is terminated and a fresh one takes the next image.
import { Worker } from "node:worker_threads";
import os from "node:os";
import { deserializeError, type SerializedError } from "../errors";
import type { RetouchOutput } from "../report";
import type { RetouchSettings } from "../settings";
import { modelPathFromEnv } from "../segment/isnet";

interface Task {
  id: number;
  input: Uint8Array;
  settings: Partial<RetouchSettings>;
  timeoutMs?: number;
  timer?: NodeJS.Timeout;
  resolve: (o: RetouchOutput) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
}

type Reply = { id: number; ok: true; output: RetouchOutput } | { id: number; ok: false; error: SerializedError };

/** The engine overran the image's time budget; retrying would only do it again. */
export class EngineTimeoutError extends Error {
  readonly permanent = true;
  readonly code = "ENGINE_TIMEOUT";
  constructor(ms: number) {
    const s = Math.max(1, Math.round(ms / 1000));
    super(
      `The retouch engine was still working on this photo after ${s} second${s === 1 ? "" : "s"}, so Loupe stopped it. Run it again, or upload a smaller photo.`,
    );
    this.name = "EngineTimeoutError";
  }
}

const THREAD_URL = new URL(`./thread${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url);

function toBuffer(u: Uint8Array): Buffer {
  return Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}

export class EnginePool {
  private readonly threads: number;
  private readonly modelPath: string;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  private readonly threadUrl: URL;

  /** `threadUrl`: tests run a stand-in thread. */
  constructor(opts: { threads?: number; modelPath?: string; threadUrl?: URL } = {}) {
    this.threadUrl = opts.threadUrl ?? THREAD_URL;
    // ISNet already uses both cores of the target machine for one pass; more threads only add RSS.
    const envThreads = Number(process.env.LOUPE_ENGINE_THREADS);
    this.threads = Math.max(
      1,
      opts.threads ?? (envThreads > 0 ? envThreads : Math.max(1, Math.floor(os.availableParallelism() / 2))),
    );
    this.modelPath = opts.modelPath ?? modelPathFromEnv();
  }

  retouch(
    input: Uint8Array,
    settings: Partial<RetouchSettings> = {},
    opts: { timeoutMs?: number } = {},
  ): Promise<RetouchOutput> {
    if (this.closed) return Promise.reject(new Error("EnginePool is closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, settings, timeoutMs: opts.timeoutMs, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.reject(new Error("EnginePool closed before the image was processed"));
    for (const s of this.slots) if (s.task?.timer) clearTimeout(s.task.timer);
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.threadUrl, {
      workerData: { modelPath: this.modelPath },
      // Under tsx/vitest the thread's TypeScript entry needs the same loader.
      execArgv: this.threadUrl.pathname.endsWith(".ts") ? ["--import", "tsx"] : [],
    });
    const slot: Slot = { worker, task: null };
    worker.on("message", (m: Reply) => this.onReply(slot, m));
    worker.on("error", (e) => this.onCrash(slot, e));
    worker.on("exit", (code) => {
      if (code !== 0) this.onCrash(slot, new Error(`retouch thread exited with code ${code}`));
    });
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private pump(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.task);
      if (!slot && this.slots.length < this.threads) slot = this.spawn();
      if (!slot) return;
      const task = this.queue.shift()!;
      slot.task = task;
      // A busy thread keeps the process alive until its image is done; an idle one does not.
      slot.worker.ref();
      if (task.timeoutMs !== undefined) {
        const ms = task.timeoutMs;
        task.timer = setTimeout(() => this.onTimeout(slot!, task, ms), ms);
        task.timer.unref(); // the busy thread holds the process, not its timer
      }
      slot.worker.postMessage({ id: task.id, input: task.input, settings: task.settings });
    }
  }

  private onReply(slot: Slot, m: Reply): void {
    const task = slot.task;
    slot.task = null;
    if (task?.timer) clearTimeout(task.timer);
    slot.worker.unref();
    if (task && task.id === m.id) {
      if (m.ok) {
        const o = m.output;
        task.resolve({
          ...o,
          cutoutPng: toBuffer(o.cutoutPng),
          composite: toBuffer(o.composite),
          thumbnail: toBuffer(o.thumbnail),
        });
      } else task.reject(deserializeError(m.error));
    }
    this.pump();
  }

  /** The thread overran the image's budget: it is terminated (its slot goes), the image fails alone. */
  private onTimeout(slot: Slot, task: Task, ms: number): void {
    if (slot.task !== task) return;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    slot.task = null;
    void slot.worker.terminate();
    task.reject(new EngineTimeoutError(ms));
    if (!this.closed) this.pump();
  }

  private onCrash(slot: Slot, e: Error): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    if (slot.task?.timer) clearTimeout(slot.task.timer);
    void slot.worker.terminate();
    if (slot.task) slot.task.reject(new Error(`The retouch engine failed on this image: ${e.message}`));
    if (!this.closed) this.pump();
  }
}

let shared: EnginePool | null = null;

/** The lazily created process-wide pool behind `retouch()`. */
export function sharedPool(): EnginePool {
  shared ??= new EnginePool();
  return shared;
}
