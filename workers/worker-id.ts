// A worker's name: host:pid (and #n for the second and later workers in one process, as in tests).
import os from "node:os";

let started = 0;

export function workerId(): string {
  const n = started++;
  return `${os.hostname()}:${process.pid}${n === 0 ? "" : `#${n}`}`;
}

export function hostName(): string {
  return os.hostname();
}

/** Whether a process of this host is still running (signal 0 checks without sending anything). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
