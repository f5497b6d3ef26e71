// In-process wake-ups for the local driver: the web code and the worker may run in one process
// (the demo) yet load this module twice (Vite's server build and tsx), so the emitter lives on globalThis.
import { EventEmitter } from "node:events";

const KEY = Symbol.for("loupe.queue.wake");
type G = typeof globalThis & { [KEY]?: EventEmitter };

export function wakeEmitter(): EventEmitter {
  const g = globalThis as G;
  if (!g[KEY]) {
    g[KEY] = new EventEmitter();
    g[KEY].setMaxListeners(100);
  }
  return g[KEY];
}

export function wakeLocalWorkers(): void {
  wakeEmitter().emit("wake");
}
